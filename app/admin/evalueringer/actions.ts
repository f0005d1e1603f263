"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { formDataToObject } from "@/lib/forms";
import { addQuestion, createForm, createNewVersion, moveQuestion, removeQuestion, updateFormSettings, updateQuestion } from "@/lib/evaluations/forms";
import { inviteParticipants, remindNow } from "@/lib/evaluations/invitations";
import { publishScore, unpublishScore } from "@/lib/evaluations/publish";
import { FormSettingsSchema, PublishScoreSchema, QuestionSchema } from "@/lib/evaluations/schemas";
import { runAction, runForm } from "@/lib/http/run-action";
import { kickJobs } from "@/lib/jobs";

// Coordinators' evaluation actions: each checks the permission, parses its input again and calls
// lib/evaluations, which does the work in one transaction with its audit entry.

const formPath = (formId: string) => `/admin/evalueringer/${formId}`;

export async function createFormAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", `/admin/hold/${cohortId}/evalueringer`);
  let id = "";
  const r = await runForm(fd, FormSettingsSchema, async (data) => {
    id = (await createForm(cohortId, data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  revalidatePath(`/admin/hold/${cohortId}/evalueringer`);
  redirect(formPath(id));
}

export async function updateFormSettingsAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runForm(fd, FormSettingsSchema, async (data) => {
    await updateFormSettings(formId, data, user.id);
    return "Indstillingerne er gemt.";
  });
  revalidatePath(formPath(formId));
  return r;
}

export async function addQuestionAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runForm(fd, QuestionSchema, async (data) => {
    await addQuestion(formId, data, user.id);
    return "Spørgsmålet er tilføjet.";
  });
  revalidatePath(formPath(formId));
  return r;
}

export async function updateQuestionAction(formId: string, questionId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runForm(fd, QuestionSchema, async (data) => {
    await updateQuestion(questionId, data, user.id);
    return "Spørgsmålet er gemt.";
  });
  revalidatePath(formPath(formId));
  return r;
}

export async function removeQuestionAction(formId: string, questionId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runAction(formDataToObject(fd), async () => {
    await removeQuestion(questionId, user.id);
    return "Spørgsmålet er slettet.";
  });
  revalidatePath(formPath(formId));
  return r;
}

export async function moveQuestionAction(formId: string, questionId: string, direction: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runAction(formDataToObject(fd), async () => {
    await moveQuestion(questionId, direction === "up" ? -1 : 1, user.id);
    return "Rækkefølgen er gemt.";
  });
  revalidatePath(formPath(formId));
  return r;
}

export async function inviteAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runAction(formDataToObject(fd), async () => {
    const count = await inviteParticipants(formId, user.id);
    return count === 0 ? "Alle deltagere er allerede inviteret." : `${count} ${count === 1 ? "deltager er" : "deltagere er"} inviteret. Mailene sendes nu.`;
  });
  if (r?.ok) after(kickJobs);
  revalidatePath(formPath(formId));
  return r;
}

export async function remindAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  const r = await runAction(formDataToObject(fd), async () => {
    const count = await remindNow(formId, user.id);
    return count === 0 ? "Der er ingen at minde om: alle har svaret eller fået deres påmindelse." : `Påmindelse sendt til ${count} ${count === 1 ? "deltager" : "deltagere"}.`;
  });
  if (r?.ok) after(kickJobs);
  revalidatePath(formPath(formId));
  return r;
}

export async function newVersionAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", formPath(formId));
  let id = "";
  const r = await runAction(formDataToObject(fd), async () => {
    id = (await createNewVersion(formId, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  redirect(formPath(id));
}

const programmePath = (programmeId: string) => `/admin/uddannelser/${programmeId}/evalueringer`;

export async function publishScoreAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", programmePath(programmeId));
  const r = await runForm(fd, PublishScoreSchema, async (data) => {
    await publishScore(programmeId, data, user.id);
    return "Resultatet vises nu på uddannelsens side.";
  });
  revalidatePath(programmePath(programmeId));
  return r;
}

export async function unpublishScoreAction(programmeId: string, scoreId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("evaluation:update", programmePath(programmeId));
  const r = await runAction(formDataToObject(fd), async () => {
    await unpublishScore(programmeId, scoreId, user.id);
    return "Resultatet er fjernet fra uddannelsens side.";
  });
  revalidatePath(programmePath(programmeId));
  return r;
}
