import { formatDay, formatTimeRange } from "@/lib/time";

type Session = {
  id: string;
  module: { position: number; title: string };
  venue: { name: string; street: string; postalCode: string; city: string } | null;
  room: { name: string } | null;
  days: Array<{ id: string; startsAt: Date; endsAt: Date }>;
};

/** A cohort's modules with their days, times and place — on the programme, enrolment and manage pages. */
export function SessionList({ sessions }: { sessions: Session[] }) {
  return (
    <>
      {sessions.map((s) => (
        <div key={s.id}>
          <p>
            <strong>
              Modul {s.module.position}: {s.module.title}
            </strong>
          </p>
          <ul className="days">
            {s.days.map((d) => (
              <li key={d.id}>
                <time dateTime={d.startsAt.toISOString()}>{formatDay(d.startsAt)}</time>, {formatTimeRange(d.startsAt, d.endsAt)}
              </li>
            ))}
          </ul>
          {s.venue && (
            <p className="muted">
              Sted: {s.venue.name}, {s.venue.street}, {s.venue.postalCode} {s.venue.city}
              {s.room ? `, ${s.room.name}` : ""}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
