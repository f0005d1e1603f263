import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { can } from "@/lib/auth/permissions";
import { cohortScope, requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendanceOpen } from "@/lib/attendance/service";
import { formatDateTime, formatDay, formatTimeRange } from "@/lib/time";
import { recordAttendanceAction } from "./actions";

export const metadata: Metadata = { title: "Fremmøde" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ dag?: string }> };

export default async function AttendancePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/hold/[id]/fremmoede"], `/admin/hold/${id}/fremmoede`);
  const cohort = await db.cohort.findFirst({
    where: { AND: [await cohortScope(user), { id }] },
    include: { sessions: { include: { module: true, days: { orderBy: { startsAt: "asc" } } }, orderBy: { module: { position: "asc" } } } },
  });
  if (!cohort) notFound();
  const days = cohort.sessions.flatMap((s) => s.days.map((d) => ({ ...d, module: s.module })));
  const { dag } = await searchParams;
  const now = new Date();
  // Without a chosen day: the latest day that has begun, where attendance is taken.
  const day = days.find((d) => d.id === dag) ?? days.findLast((d) => attendanceOpen(d, now)) ?? days[0];
  const open = day ? attendanceOpen(day, now) : false;
  const enrolments = await db.enrolment.findMany({
    where: { cohortId: id, status: { in: ["CONFIRMED", "COMPLETED"] } },
    include: { person: true, organisation: true, attendance: day ? { where: { sessionDayId: day.id } } : false },
    orderBy: { person: { name: "asc" } },
  });

  return (
    <main className="wrap">
      <p style={{ marginTop: "1rem" }}>
        <Link href={`/admin/hold/${id}`}>← {cohort.name}</Link>
      </p>
      <h1>Fremmøde: {cohort.name}</h1>
      {days.length === 0 ? (
        <p>Holdet har ingen kursusdage endnu.</p>
      ) : (
        <>
          <nav aria-label="Kursusdage">
            <ul className="day-nav">
              {days.map((d) => (
                <li key={d.id}>
                  <Link href={`?dag=${d.id}`} aria-current={d.id === day?.id ? "page" : undefined}>
                    Modul {d.module.position}: {formatDay(d.startsAt)}
                  </Link>
                  {!attendanceOpen(d, now) && <span className="muted"> (ikke begyndt)</span>}
                </li>
              ))}
            </ul>
          </nav>
          {day && (
            <section aria-labelledby="dag-h">
              <h2 id="dag-h">
                {formatDay(day.startsAt)}, {formatTimeRange(day.startsAt, day.endsAt)}
              </h2>
              {!open && (
                <p className="notice-info" data-testid="attendance-not-open">
                  Dagen er ikke begyndt endnu. Fremmøde kan registreres fra {formatDateTime(day.startsAt)}.
                </p>
              )}
              {enrolments.length === 0 ? (
                <p>Ingen bekræftede deltagere.</p>
              ) : (
                <AttendanceForm
                  key={day.id}
                  action={recordAttendanceAction.bind(null, id, day.id)}
                  readOnly={!open || !can(user.role, "attendance:update")}
                  rows={enrolments.map((e) => ({
                    enrolmentId: e.id,
                    name: e.person.name,
                    organisation: e.organisation?.name ?? "–",
                    status: (Array.isArray(e.attendance) ? e.attendance[0]?.status : null) ?? null,
                  }))}
                />
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}
