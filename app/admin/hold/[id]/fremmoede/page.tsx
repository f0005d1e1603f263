import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { cohortAttendance } from "@/lib/attendance/queries";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime, formatDay, formatTimeRange } from "@/lib/time";
import { recordAttendanceAction } from "./actions";

export const metadata: Metadata = { title: "Fremmøde" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ dag?: string }> };

export default async function AttendancePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/hold/[id]/fremmoede"], `/admin/hold/${id}/fremmoede`);
  const data = await cohortAttendance(user, id, (await searchParams).dag);
  if (!data) notFound();
  const { cohort, days, day, mayRecord, rows } = data;

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
                  {!d.open && <span className="muted"> (ikke begyndt)</span>}
                </li>
              ))}
            </ul>
          </nav>
          {day && (
            <section aria-labelledby="dag-h">
              <h2 id="dag-h">
                {formatDay(day.startsAt)}, {formatTimeRange(day.startsAt, day.endsAt)}
              </h2>
              {!day.open && (
                <p className="notice-info" data-testid="attendance-not-open">
                  Dagen er ikke begyndt endnu. Fremmøde kan registreres fra {formatDateTime(day.startsAt)}.
                </p>
              )}
              {rows.length === 0 ? (
                <p>Ingen bekræftede deltagere.</p>
              ) : (
                <AttendanceForm
                  key={day.id}
                  action={recordAttendanceAction.bind(null, id, day.id)}
                  readOnly={!mayRecord}
                  rows={rows}
                />
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}
