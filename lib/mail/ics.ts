import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface CalendarDay {
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  location?: string | null;
  description?: string | null;
}

export interface CalendarOptions {
  /** Stable per enrolment: each event's UID is `<uidPrefix>-<day id>@stillads`, so a later mail updates the same events. */
  uidPrefix: string;
  /** PUBLISH adds or updates the events; CANCEL removes them. */
  method: "PUBLISH" | "CANCEL";
  /** Grows with every calendar sent for the same enrolment, so calendars apply the newest one. */
  sequence: number;
  url?: string;
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** The UID of one course day's event for one enrolment. */
export function eventUid(uidPrefix: string, dayId: string): string {
  return `${uidPrefix}-${dayId}@stillads`;
}

/** An iCalendar file with one event per course day; a cancellation carries the same UIDs and a higher SEQUENCE. */
export function courseCalendar(name: string, days: CalendarDay[], opts: CalendarOptions): string {
  const cancel = opts.method === "CANCEL";
  const cal = ical({
    name,
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    prodId: { company: "Stillads", product: "Stillads", language: "DA" },
  });
  for (const d of days) {
    cal.createEvent({
      id: eventUid(opts.uidPrefix, d.id),
      sequence: opts.sequence,
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: d.startsAt,
      end: d.endsAt,
      summary: cancel ? `Aflyst: ${d.title}` : d.title,
      location: d.location ?? undefined,
      description: d.description ?? undefined,
      url: opts.url ?? undefined,
      organizer: opts.organizer,
      attendees: opts.attendee ? [{ ...opts.attendee, rsvp: false }] : undefined,
      // Written as UTC ("…Z"), which every calendar converts to its own zone. A TZID without a
      // VTIMEZONE definition (and ical-generator has none without a timezone library) would be wrong.
    });
  }
  return cal.toString();
}
