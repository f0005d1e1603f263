"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { runAction, runForm } from "@/lib/http/run-action";
import { CancelEnrolmentSchema, CohortCreateSchema, CohortStatusSchema, CohortUpdateSchema, SessionUpdateSchema } from "@/lib/cohorts/schemas";
import { createCohort, setCohortStatus, updateCohort, updateSession } from "@/lib/cohorts/service";
import { cancelEnrolment, confirmOffer, rejectCancellationRequest } from "@/lib/enrolment/admin";
import { formDataToObject } from "@/lib/forms";
import { kickJobs } from "@/lib/jobs";

// Every action checks the permission itself: being inside /admin proves nothing.

export async function createCohortAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", "/admin/hold/ny");
  let id = "";
  const result = await runForm(fd, CohortCreateSchema, async (data) => {
    id = (await createCohort(data, user.id)).id;
    return "Holdet er oprettet.";
  });
  if (!result?.ok) return result;
  revalidatePath("/admin/hold");
  redirect(`/admin/hold/${id}?oprettet=1`);
}

export async function setCohortStatusAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}`);
  // A refused change must not echo the refused status: the select keeps showing the cohort's own.
  const parsed = CohortStatusSchema.safeParse(formDataToObject(fd));
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
  let notice = "";
  const result = await runForm(fd, CancelEnrolmentSchema, async (data) => {
    const { promoted } = await cancelEnrolment({ enrolmentId, reason: data.reason, actorUserId: user.id });
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
  const result = await runForm(fd, CohortUpdateSchema, async (data) => {
    const { promoted, warnings } = await updateCohort(cohortId, data, user.id);
    return [
      "Holdet er gemt.",
      promoted.length ? `${promoted.length} fra ventelisten har fået tilbudt en plads.` : "",
      ...warnings,
    ].filter(Boolean).join(" ");
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
  const result = await runForm(fd, SessionUpdateSchema, async (data) => {
    await updateSession(sessionId, data, user.id);
    return "Modulet er gemt.";
  });
  revalidatePath(`/admin/hold/${cohortId}`);
  revalidatePath("/uddannelser/[slug]", "page");
  return result;
}
