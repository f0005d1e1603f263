"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { CancelEnrolmentSchema, CohortCreateSchema, CohortStatusSchema, CohortUpdateSchema, SessionUpdateSchema } from "@/lib/cohorts/schemas";
import { createCohort, setCohortStatus, updateCohort, updateSession } from "@/lib/cohorts/service";
import { cancelEnrolment, confirmOffer, rejectCancellationRequest } from "@/lib/enrolment/admin";
import { formDataToNested, nestedFieldErrors } from "@/lib/forms";
import { kickJobs } from "@/lib/jobs";

// Every action checks the permission itself: being inside /admin proves nothing.

function flat(values: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") Object.assign(out, flat(v as Record<string, unknown>, key));
    else if (typeof v === "string") out[key] = v;
  }
  return out;
}


export async function createCohortAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", "/admin/hold/ny");
  const raw = formDataToNested(fd);
  const values = flat(raw);
  const parsed = CohortCreateSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(values, nestedFieldErrors(parsed.error));
  let id = "";
  const result = await runAction(values, async () => {
    id = (await createCohort(parsed.data, user.id)).id;
    return "Holdet er oprettet.";
  });
  if (!result?.ok) return result;
  revalidatePath("/admin/hold");
  redirect(`/admin/hold/${id}?oprettet=1`);
}

export async function setCohortStatusAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}`);
  const parsed = CohortStatusSchema.safeParse({ status: fd.get("status") });
  if (!parsed.success) return { ok: false, message: "Vælg en gyldig status." };
  const result = await runAction({}, async () => {
    await setCohortStatus(cohortId, parsed.data.status, user.id);
    return "Status er ændret.";
  });
  revalidatePath(`/admin/hold/${cohortId}`);
  revalidatePath("/uddannelser/[slug]", "page");
  return result;
}

export async function cancelEnrolmentAction(cohortId: string, enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/hold/${cohortId}`);
  const values = { reason: String(fd.get("reason") ?? "") };
  const parsed = CancelEnrolmentSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, nestedFieldErrors(parsed.error));
  let notice = "";
  const result = await runAction(values, async () => {
    const { promoted } = await cancelEnrolment({ enrolmentId, reason: parsed.data.reason, actorUserId: user.id });
    notice = promoted.length ? "annulleret-tilbudt" : "annulleret";
    return "";
  });
  if (!result?.ok) return result;
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}`);
  // The row's form disappears with the cancelled enrolment, so the outcome is shown by the page.
  redirect(`/admin/hold/${cohortId}?besked=${notice}`);
}

export async function rejectCancellationAction(cohortId: string, enrolmentId: string): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/hold/${cohortId}`);
  const result = await runAction({}, async () => {
    await rejectCancellationRequest({ enrolmentId, actorUserId: user.id });
    return "";
  });
  if (!result?.ok) return result;
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}`);
  redirect(`/admin/hold/${cohortId}?besked=afvist`);
}

export async function updateCohortAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}`);
  const raw = formDataToNested(fd);
  const values = flat(raw);
  const parsed = CohortUpdateSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(values, nestedFieldErrors(parsed.error));
  const result = await runAction(values, async () => {
    const { promoted } = await updateCohort(cohortId, parsed.data, user.id);
    return promoted.length
      ? `Holdet er gemt. ${promoted.length} fra ventelisten har fået tilbudt en plads.`
      : "Holdet er gemt.";
  });
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}`);
  return result;
}

export async function confirmOfferAction(cohortId: string, enrolmentId: string): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/hold/${cohortId}`);
  const result = await runAction({}, async () => {
    await confirmOffer({ enrolmentId, actorUserId: user.id });
    return "";
  });
  if (!result?.ok) return result;
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}`);
  redirect(`/admin/hold/${cohortId}?besked=bekraeftet`);
}

export async function updateSessionAction(cohortId: string, sessionId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}`);
  const raw = formDataToNested(fd);
  const values = flat(raw);
  const parsed = SessionUpdateSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(values, nestedFieldErrors(parsed.error));
  const result = await runAction(values, async () => {
    await updateSession(sessionId, parsed.data, user.id);
    return "Modulet er gemt.";
  });
  revalidatePath(`/admin/hold/${cohortId}`);
  revalidatePath("/uddannelser/[slug]", "page");
  return result;
}
