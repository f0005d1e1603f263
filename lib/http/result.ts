/** The one result shape of server actions and route handlers. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export const GENERIC_ERROR = "Der skete en fejl hos os. Prøv igen om lidt – dine oplysninger er ikke gemt.";
