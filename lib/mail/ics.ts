import ical, { ICalCalendarMethod } from "ical-generator";

export interface CalendarDay {
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  location?: string | null;
  description?: string | null;
}

/** An iCalendar file with one event per course day (PUBLISH: added to the calendar, not an invitation). */
export function courseCalendar(name: string, days: CalendarDay[], url?: string): string {
  const cal = ical({ name, method: ICalCalendarMethod.PUBLISH, prodId: { company: "Stillads", product: "Stillads", language: "DA" } });
  for (const d of days) {
    cal.createEvent({
      id: `sessionday-${d.id}@stillads`,
      start: d.startsAt,
      end: d.endsAt,
      summary: d.title,
      location: d.location ?? undefined,
      description: d.description ?? undefined,
      url: url ?? undefined,
      // Written as UTC ("…Z"), which every calendar converts to its own zone. A TZID without a
      // VTIMEZONE definition (and ical-generator has none without a timezone library) would be wrong.
    });
  }
  return cal.toString();
}
