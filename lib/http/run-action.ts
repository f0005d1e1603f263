import "server-only";
import type { FormState } from "@/lib/http/result";
import { EnrolmentError } from "../enrolment/errors";
import { FormError } from "../errors";
import { GENERIC_ERROR, UNAVAILABLE_MESSAGE } from "./result";
import { isDatabaseUnavailable } from "../db/bounded";
import { fieldErrors, flattenValues, formDataToNested } from "../forms";
import type { z } from "zod";

/**
 * Runs a server action's work and turns its outcome into the form's state: expected domain errors
 * keep the typed values and their Danish messages; unexpected ones are logged and shown generically.
 */
export async function runAction(values: Record<string, string>, work: () => Promise<string>, label = "admin"): Promise<FormState> {
  try {
    return { ok: true, data: null, message: await work() };
  } catch (err) {
    if (err instanceof FormError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values };
    if (err instanceof EnrolmentError) return { ok: false, message: err.message, values };
    if (isDatabaseUnavailable(err)) {
      console.warn(`[${label}] database busy or unreachable:`, err instanceof Error ? err.message.split("\n")[0] : err);
      return { ok: false, message: UNAVAILABLE_MESSAGE, values };
    }
    console.error(`[${label}] unexpected error`, err);
    return { ok: false, message: GENERIC_ERROR, values };
  }
}

/** The state of a form whose input failed its schema. */
export function invalidInput(values: Record<string, string>, fieldErrors: Record<string, string>): FormState {
  return { ok: false, message: "Ret de markerede felter.", fieldErrors, values };
}

/**
 * A form post's whole path: reads the fields (dotted names become nested values), parses them with
 * the form's schema and runs the work with the parsed data. Bad input gets the field messages and
 * runs nothing; either way the typed values go back to the form, except the `secret` fields (and
 * anything posted below them).
 */
export async function runForm<S extends z.ZodType<unknown, Record<string, unknown>>>(
  fd: FormData,
  schema: S,
  work: (data: z.output<S>) => Promise<string>,
  options: { secret?: ReadonlyArray<keyof z.input<S> & string> } = {},
): Promise<FormState> {
  const raw = formDataToNested(fd);
  const values = flattenValues(raw);
  for (const name of options.secret ?? []) {
    for (const key of Object.keys(values)) if (key === name || key.startsWith(`${name}.`)) values[key] = "";
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return runAction(values, () => work(parsed.data as z.output<S>));
}
