/** The one result shape of server actions and route handlers. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** A form's state between submissions: the last result and, when refused, the values as typed. */
export type FormState<T = unknown> = (ActionResult<T> & { values?: Record<string, string> }) | null;

export const GENERIC_ERROR = "Der skete en fejl hos os. Prøv igen om lidt – dine oplysninger er ikke gemt.";

/** What an applicant is told when the database cannot take the enrolment in time (HTTP 503). */
export const BUSY_MESSAGE = "Der er mange tilmeldinger lige nu — prøv igen om lidt.";

/** What anyone else is told when the database is unreachable or too busy (nothing was saved). */
export const UNAVAILABLE_MESSAGE = "Systemet kan ikke nå sine data lige nu. Prøv igen om lidt – intet er gemt.";
