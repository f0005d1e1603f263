"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { adminAction, adminForm } from "@/lib/http/form-action";
import { runAction } from "@/lib/http/run-action";
import { CancelEnrolmentSchema, CohortCreateSchema, CohortStatusSchema, CohortUpdateSchema, SessionUpdateSchema } from "@/lib/cohorts/schemas";
import { createCohort, setCohortStatus, updateCohort, updateSession } from "@/lib/cohorts/service";
import { cancelEnrolment, confirmOffer, rejectCancellationRequest } from "@/lib/enrolment/admin";
import { formDataToObject } from "@/lib/forms";

// Every action checks the permission itself (lib/http/form-action): being inside /admin proves nothing.

const cohortPage = (cohortId: string) => `/admin/hold/${cohortId}`;
// The public programme page shows the cohorts, their status and their days.
const PUBLIC_PROGRAMME = "/uddannelser/[slug]";

export async function createCohortAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "cohort:update", page: "/admin/hold/ny", revalidate: ["/admin/hold"], schema: CohortCreateSchema }, async (data, user) => ({
    redirect: `${cohortPage((await createCohort(data, user.id)).id)}?oprettet=1`,
  }));
}

export async function setCohortStatusAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", cohortPage(cohortId));
  // A refused change must not echo the refused status: the select keeps showing the cohort's own.
  const parsed = CohortStatusSchema.safeParse(formDataToObject(fd));
  if (!parsed.success) return { ok: false, message: "Vælg en gyldig status." };
  const result = await runAction({}, async () => {
    await setCohortStatus(cohortId, parsed.data.status, user.id);
    return "Status er ændret.";
  });
  revalidatePath(cohortPage(cohortId));
  revalidatePath(PUBLIC_PROGRAMME, "page");
  return result;
}

export async function cancelEnrolmentAction(cohortId: string, enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "enrolment:update", page: cohortPage(cohortId), kick: true, schema: CancelEnrolmentSchema }, async (data, user) => {
    const { promoted } = await cancelEnrolment({ enrolmentId, reason: data.reason, actorUserId: user.id });
    // The row's form disappears with the cancelled enrolment, so the outcome is shown by the page.
    return { redirect: `${cohortPage(cohortId)}?besked=${promoted.length ? "annulleret-tilbudt" : "annulleret"}` };
  });
}

export async function rejectCancellationAction(cohortId: string, enrolmentId: string): Promise<FormState> {
  return adminAction({ permission: "enrolment:update", page: cohortPage(cohortId), kick: true }, async (user) => {
    await rejectCancellationRequest({ enrolmentId, actorUserId: user.id });
    return { redirect: `${cohortPage(cohortId)}?besked=afvist` };
  });
}

export async function updateCohortAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "cohort:update", page: cohortPage(cohortId), kick: true, schema: CohortUpdateSchema }, async (data, user) => {
    const { promoted, warnings } = await updateCohort(cohortId, data, user.id);
    return [
      "Holdet er gemt.",
      promoted.length ? `${promoted.length} fra ventelisten har fået tilbudt en plads.` : "",
      ...warnings,
    ].filter(Boolean).join(" ");
  });
}

export async function confirmOfferAction(cohortId: string, enrolmentId: string): Promise<FormState> {
  return adminAction({ permission: "enrolment:update", page: cohortPage(cohortId), kick: true }, async (user) => {
    await confirmOffer({ enrolmentId, actorUserId: user.id });
    return { redirect: `${cohortPage(cohortId)}?besked=bekraeftet` };
  });
}

export async function updateSessionAction(cohortId: string, sessionId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(
    fd,
    { permission: "cohort:update", page: cohortPage(cohortId), revalidate: [PUBLIC_PROGRAMME], schema: SessionUpdateSchema, message: "Modulet er gemt." },
    (data, user) => updateSession(sessionId, data, user.id),
  );
}
