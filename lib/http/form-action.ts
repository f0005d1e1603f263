import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import { requirePermission, type StaffUser } from "../auth/session";
import { fieldErrors, formDataToObject } from "../forms";
import { kickJobs } from "../jobs";
import { consumeRateLimit } from "../rate-limit";
import { clientIp } from "./client-ip";
import type { FormState } from "./result";
import { invalidInput, runAction, runForm } from "./run-action";

// The server actions' common path, so that each action in app/ reads as what it is: who may, what it
// reads, the domain call, and where the browser goes next.

/** What a form's work ends in: the message the form shows, or the page the browser goes to next. */
export type Outcome = string | { redirect: string };

/**
 * Keeps one action's outcome: the message goes into the form's state (runForm and runAction turn the
 * work's errors into it), the page is gone to only once the work has succeeded, and from outside their
 * error handling, which would otherwise catch the redirect.
 */
function outcomes() {
  let target = "";
  return {
    message(outcome: Outcome): string {
      if (typeof outcome === "string") return outcome;
      target = outcome.redirect;
      return "";
    },
    follow(state: FormState, kick = false): FormState {
      if (!state?.ok) return state;
      // The work queued mail: send it now rather than at the jobs' next tick.
      if (kick) after(kickJobs);
      if (target) redirect(target);
      return state;
    },
  };
}

/** A form's zod schema: it parses an object of the form's fields. */
export type FormSchema = z.ZodType<unknown, Record<string, unknown>>;

export interface AdminActionSpec<M extends string | undefined> {
  /** Checked before anything is read: being inside /admin proves nothing. */
  permission: Permission;
  /**
   * The page the form is on: a signed-out caller comes back to it after signing in, and it is
   * revalidated once the work has run, after a refusal too (which often means it was out of date).
   */
  page: string;
  /** Other pages that show what the work changes; a route pattern ("/uddannelser/[slug]") means all its pages. */
  revalidate?: string[];
  /** The work queues mail. */
  kick?: boolean;
  /** What the form says once the work has succeeded; without it, the work returns its outcome. */
  message?: M;
}

/** The work's outcome, unless the spec names the message: then whatever the domain call returns. */
type Result<M> = Promise<undefined extends M ? Outcome : unknown>;

/** The admin actions' common path; `run` runs the work as runForm or runAction and hands its result to `outcome`. */
async function admin<M extends string | undefined>(
  spec: AdminActionSpec<M>,
  run: (user: StaffUser, outcome: (result: unknown) => string) => Promise<FormState>,
): Promise<FormState> {
  const user = await requirePermission(spec.permission, spec.page);
  const kept = outcomes();
  const state = await run(user, (result) => kept.message(spec.message ?? (result as Outcome)));
  for (const path of [spec.page, ...(spec.revalidate ?? [])]) revalidatePath(path, path.includes("[") ? "page" : undefined);
  return kept.follow(state, spec.kick);
}

/**
 * An admin form's server action: the permission, then the form parsed with its schema (bad input
 * gets the field messages and runs nothing), then the work with the parsed data and the signed-in user.
 * The typed values go back to a refused form, except the `secret` fields.
 */
export async function adminForm<S extends FormSchema, M extends string | undefined = undefined>(
  fd: FormData,
  spec: AdminActionSpec<M> & { schema: S; secret?: ReadonlyArray<keyof z.input<S> & string> },
  work: (data: z.output<S>, user: StaffUser) => Result<M>,
): Promise<FormState> {
  return admin(spec, (user, outcome) => runForm(fd, spec.schema, async (data) => outcome(await work(data, user)), { secret: spec.secret }));
}

/** An admin action without input (a button): the permission, then the work with the signed-in user. */
export async function adminAction<M extends string | undefined = undefined>(spec: AdminActionSpec<M>, work: (user: StaffUser) => Result<M>): Promise<FormState> {
  return admin(spec, (user, outcome) => runAction({}, async () => outcome(await work(user))));
}

/** A public form's limit per address: `max` posts in ten minutes, logged and counted under `name`. */
export interface AddressLimit {
  name: string;
  max: number;
  /** What the visitor is told past the limit. */
  message: string;
}

/**
 * A public form's server action, behind a token that the domain call checks: the flat fields parsed
 * with the schema (none: the form has no input), then the limit per address, then the work. Bad input
 * changes nothing and counts nothing; the typed values go back to a refused form.
 */
export async function limitedForm<S extends FormSchema>(
  fd: FormData,
  schema: S | null,
  limit: AddressLimit,
  work: (data: z.output<S>) => Promise<Outcome>,
  options: { kick?: boolean } = {},
): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = schema ? schema.safeParse(values) : { success: true as const, data: undefined as z.output<S> };
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const { allowed } = await consumeRateLimit(`${limit.name}:ip:${await clientIp()}`, limit.max, 10 * 60_000);
  if (!allowed) return { ok: false, message: limit.message, values };
  const kept = outcomes();
  return kept.follow(await runAction(values, async () => kept.message(await work(parsed.data)), limit.name), options.kick);
}
