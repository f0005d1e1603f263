"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { FormState } from "@/lib/http/result";
import { limitedForm, type FormSchema, type Outcome } from "@/lib/http/form-action";
import { acceptOffer, leaveWaitlist, requestCancellation, sendColleague, updateNeeds, updatePersonDetails } from "@/lib/enrolment/manage";
import { CancellationRequestSchema, ColleagueSchema, NeedsSchema, PersonDetailsSchema } from "@/lib/enrolment/schemas";

// Server actions behind the manage link. Each parses its input again, is rate limited per address,
// and changes nothing on bad input; the token is the participant's only credential.

const LIMIT = { name: "manage", max: 60, message: "For mange forsøg på kort tid. Prøv igen om lidt." };

/** A manage form: a message keeps the participant on the page, which then shows the change. */
function manage<S extends FormSchema>(token: string, fd: FormData, schema: S | null, work: (data: z.output<S>) => Promise<Outcome>) {
  return limitedForm(fd, schema, LIMIT, async (data) => {
    const outcome = await work(data);
    if (typeof outcome === "string") revalidatePath(`/tilmelding/${token}`);
    return outcome;
  }, { kick: true });
}

export async function updateNeedsAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, NeedsSchema, async (data) => {
    await updateNeeds(token, data);
    return "Dine hensyn er gemt.";
  });
}

export async function sendColleagueAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, ColleagueSchema, async (data) => {
    await sendColleague(token, data);
    return { redirect: `/tilmelding/overdraget` };
  });
}

export async function requestCancellationAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, CancellationRequestSchema, async (data) => {
    await requestCancellation(token, data.reason);
    return "Vi har modtaget din anmodning. En administrator vender tilbage til dig.";
  });
}

export async function acceptOfferAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, null, async () => {
    await acceptOffer(token);
    return "Pladsen er din. Vi har sendt en bekræftelse med kursusdagene.";
  });
}

export async function updatePersonAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, PersonDetailsSchema, async (data) => {
    await updatePersonDetails(token, data);
    return "Dine oplysninger er rettet.";
  });
}

export async function leaveWaitlistAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return manage(token, fd, null, async () => {
    const { declinedOffer } = await leaveWaitlist(token);
    // The form leaves the page with the waitlist place, so the page itself says what happened.
    return { redirect: `/tilmelding/${token}?venteliste=${declinedOffer ? "afslaaet" : "forladt"}` };
  });
}
