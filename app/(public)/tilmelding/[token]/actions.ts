"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/lib/http/result";
import { clientIp } from "@/lib/http/client-ip";
import { GENERIC_ERROR } from "@/lib/http/result";
import { invalidInput } from "@/lib/http/run-action";
import { EnrolmentError } from "@/lib/enrolment/errors";
import { acceptOffer, leaveWaitlist, requestCancellation, sendColleague, updateNeeds, updatePersonDetails } from "@/lib/enrolment/manage";
import { CancellationRequestSchema, ColleagueSchema, NeedsSchema, PersonDetailsSchema } from "@/lib/enrolment/schemas";
import { fieldErrors, formDataToObject } from "@/lib/forms";
import { kickJobs } from "@/lib/jobs";
import { consumeRateLimit } from "@/lib/rate-limit";

// Server actions behind the manage link. Each parses its input again, is rate limited per address,
// and changes nothing on bad input; the token is the participant's only credential.

async function guarded(values: Record<string, string>, run: () => Promise<string | { redirect: string }>): Promise<FormState> {
  const limit = await consumeRateLimit(`manage:ip:${await clientIp()}`, 60, 10 * 60_000);
  if (!limit.allowed) return { ok: false, message: "For mange forsøg på kort tid. Prøv igen om lidt.", values };
  let outcome: string | { redirect: string };
  try {
    outcome = await run();
  } catch (err) {
    if (err instanceof EnrolmentError) return { ok: false, message: err.message, values };
    console.error("[manage] unexpected error", err);
    return { ok: false, message: GENERIC_ERROR, values };
  }
  after(kickJobs);
  if (typeof outcome !== "string") redirect(outcome.redirect);
  return { ok: true, data: null, message: outcome };
}

export async function updateNeedsAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = NeedsSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return guarded(values, async () => {
    await updateNeeds(token, parsed.data);
    revalidatePath(`/tilmelding/${token}`);
    return "Dine hensyn er gemt.";
  });
}

export async function sendColleagueAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = ColleagueSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return guarded(values, async () => {
    await sendColleague(token, parsed.data);
    return { redirect: `/tilmelding/overdraget` };
  });
}

export async function requestCancellationAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = CancellationRequestSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return guarded(values, async () => {
    await requestCancellation(token, parsed.data.reason);
    revalidatePath(`/tilmelding/${token}`);
    return "Vi har modtaget din anmodning. En administrator vender tilbage til dig.";
  });
}

export async function acceptOfferAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return guarded(formDataToObject(fd), async () => {
    await acceptOffer(token);
    revalidatePath(`/tilmelding/${token}`);
    return "Pladsen er din. Vi har sendt en bekræftelse med kursusdagene.";
  });
}

export async function updatePersonAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = PersonDetailsSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return guarded(values, async () => {
    await updatePersonDetails(token, parsed.data);
    revalidatePath(`/tilmelding/${token}`);
    return "Dine oplysninger er rettet.";
  });
}

export async function leaveWaitlistAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return guarded(formDataToObject(fd), async () => {
    const { declinedOffer } = await leaveWaitlist(token);
    // The form leaves the page with the waitlist place, so the page itself says what happened.
    return { redirect: `/tilmelding/${token}?venteliste=${declinedOffer ? "afslaaet" : "forladt"}` };
  });
}
