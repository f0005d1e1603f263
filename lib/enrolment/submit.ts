import "server-only";
import { env } from "../env";
import type { ActionResult } from "../http/result";
import { BUSY_MESSAGE, GENERIC_ERROR } from "../http/result";
import { isDatabaseUnavailable } from "../db/bounded";
import { consumeRateLimits } from "../rate-limit";
import { EnrolmentError } from "./errors";
import { fieldErrors } from "../forms";
import { EnrolmentSchema } from "./schemas";
import { enrol, type EnrolResult } from "./service";

/**
 * The shared path of every enrolment entry point (the form's server action and the JSON endpoint):
 * parse the whole schema again, drop bots, apply the rate limits, enrol. Bad input changes nothing.
 */
export async function submitEnrolment(cohortId: unknown, raw: unknown, ip: string): Promise<ActionResult<EnrolResult> & { status: number }> {
  // Ids are cuids; anything else (a NUL, half an emoji) would only make the lookup fail.
  if (typeof cohortId !== "string" || !/^[A-Za-z0-9_-]{1,40}$/.test(cohortId)) {
    return { ok: false, status: 404, message: "Holdet findes ikke eller er ikke åbent for tilmelding." };
  }
  const parsed = EnrolmentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, status: 422, message: "Ret de markerede felter og prøv igen.", fieldErrors: fieldErrors(parsed.error) };
  }
  const input = parsed.data;
  if (input.website) {
    // The honeypot was filled in: a bot. Say no without telling it why.
    return { ok: false, status: 422, message: "Tilmeldingen kunne ikke modtages." };
  }
  try {
    // The rate limits live in the database too: inside the error handling, so a database that is down
    // or swamped gives the applicant the same clear "try again" as a busy enrolment, never an empty 500.
    const e = env();
    const limits = await consumeRateLimits([
      { key: `enrol:ip:${ip}`, limit: e.RATE_LIMIT_ENROL_PER_IP, windowMs: 10 * 60_000 },
      { key: `enrol:email:${input.email}`, limit: e.RATE_LIMIT_ENROL_PER_EMAIL, windowMs: 60 * 60_000 },
    ]);
    if (limits.some((l) => !l.allowed)) {
      const minutes = Math.ceil(Math.max(...limits.map((l) => (l.allowed ? 0 : l.retryAfterSeconds))) / 60);
      return { ok: false, status: 429, message: `Der er kommet for mange tilmeldinger herfra på kort tid. Prøv igen om ${minutes} minutter.` };
    }
    const data = await enrol({ cohortId, input });
    return { ok: true, status: data.duplicate ? 200 : 201, data };
  } catch (err) {
    if (err instanceof EnrolmentError) {
      return { ok: false, status: err.code === "COHORT_NOT_FOUND" ? 404 : 409, message: err.message };
    }
    if (isDatabaseUnavailable(err)) {
      console.warn("[enrolment] database busy or unreachable:", err instanceof Error ? err.message.split("\n")[0] : err);
      return { ok: false, status: 503, message: BUSY_MESSAGE };
    }
    console.error("[enrolment] unexpected error", err);
    return { ok: false, status: 500, message: GENERIC_ERROR };
  }
}
