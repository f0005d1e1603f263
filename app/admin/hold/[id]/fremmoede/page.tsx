import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { cohortAttendance } from "@/lib/attendance/queries";
import { adminDetail } from "@/lib/auth/admin-page";
import { formatDateTime, formatDay, formatTimeRange } from "@/lib/time";
import { recordAttendanceAction } from "./actions";

export const metadata: Metadata = { title: "Fremmøde" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ dag?: string }> };

export default async function AttendancePage({ params, searchParams }: Props) {
  const { id, data } = await adminDetail(params, "/admin/hold/[id]/fremmoede", async (user, { id }) => cohortAttendance(user, id, (await searchParams).dag));
  const { cohort, days, day, mayRecord, rows } = data;

  return (
    <main className="wrap">
      <PageHead back={{ href: `/admin/hold/${id}`, label: cohort.name }} title={`Fremmøde: ${cohort.name}`} />
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
