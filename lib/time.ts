// Times are stored in UTC and shown in Danish time. These helpers are the only place that knows the
// zone, so pages, mails and calendars agree.
export const TIME_ZONE = "Europe/Copenhagen";
export const LOCALE = "da-DK";

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes that Copenhagen is ahead of UTC at the given instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in Copenhagen shows `date` (YYYY-MM-DD) and `time` (HH:MM).
 * Throws on malformed input and on wall times that do not exist (the spring-forward gap).
 */
export function copenhagenTime(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new Error(`Invalid local date/time: ${date} ${time}`);
  const wall = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  // Two passes settle the offset on either side of a daylight-saving change.
  let guess = wall - offsetMinutes(new Date(wall)) * 60000;
  guess = wall - offsetMinutes(new Date(guess)) * 60000;
  const result = new Date(guess);
  if (formatIsoLocal(result) !== `${date} ${time}`) throw new Error(`No such time in ${TIME_ZONE}: ${date} ${time}`);
  return result;
}

function formatIsoLocal(at: Date): string {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const dayFormatter = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const shortDateFormatter = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const clockFormatter = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "mandag den 23. august 2027" style, in Danish time. */
export function formatDay(at: Date): string {
  return dayFormatter.format(at);
}

/** "23. august 2027". */
export function formatDate(at: Date): string {
  return shortDateFormatter.format(at);
}

/** "09.00" — Danish clock notation. */
export function formatClock(at: Date): string {
  return clockFormatter.format(at);
}

/** "kl. 09.00–16.00". */
export function formatTimeRange(start: Date, end: Date): string {
  return `kl. ${formatClock(start)}–${formatClock(end)}`;
}

/** The local calendar date (YYYY-MM-DD) in Copenhagen, for machine-readable markup. */
export function localDateIso(at: Date): string {
  return formatIsoLocal(at).slice(0, 10);
}

const dateTimeFormatter = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "25. august 2027 kl. 14.00". */
export function formatDateTime(at: Date): string {
  return dateTimeFormatter.format(at);
}

/** "09:00" — the local wall-clock time in Copenhagen, as <input type="time"> wants it. */
export function formatClockIso(at: Date): string {
  return formatIsoLocal(at).slice(11, 16);
}
