"use server";

import type { FormState } from "@/lib/http/result";
import { addQuestion, createForm, createNewVersion, moveQuestion, removeQuestion, updateFormSettings, updateQuestion } from "@/lib/evaluations/forms";
import { inviteParticipants, remindNow } from "@/lib/evaluations/invitations";
import { publishScore, unpublishScore } from "@/lib/evaluations/publish";
import { FormSettingsSchema, PublishScoreSchema, QuestionSchema } from "@/lib/evaluations/schemas";
import { adminAction, adminForm } from "@/lib/http/form-action";

// Coordinators' evaluation actions: each checks the permission, parses its input again and calls
// lib/evaluations, which does the work in one transaction with its audit entry.

const formPath = (formId: string) => `/admin/evalueringer/${formId}`;
const onForm = (formId: string) => ({ permission: "evaluation:update", page: formPath(formId) }) as const;
const onProgramme = (programmeId: string) => ({ permission: "evaluation:update", page: `/admin/uddannelser/${programmeId}/evalueringer` }) as const;

export async function createFormAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "evaluation:update", page: `/admin/hold/${cohortId}/evalueringer`, schema: FormSettingsSchema }, async (data, user) => ({
    redirect: formPath((await createForm(cohortId, data, user.id)).id),
  }));
}

export async function updateFormSettingsAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...onForm(formId), schema: FormSettingsSchema, message: "Indstillingerne er gemt." }, (data, user) => updateFormSettings(formId, data, user.id));
}

export async function addQuestionAction(formId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...onForm(formId), schema: QuestionSchema, message: "Spørgsmålet er tilføjet." }, (data, user) => addQuestion(formId, data, user.id));
}

export async function updateQuestionAction(formId: string, questionId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...onForm(formId), schema: QuestionSchema, message: "Spørgsmålet er gemt." }, (data, user) => updateQuestion(questionId, data, user.id));
}

export async function removeQuestionAction(formId: string, questionId: string): Promise<FormState> {
  return adminAction({ ...onForm(formId), message: "Spørgsmålet er slettet." }, (user) => removeQuestion(questionId, user.id));
}

export async function moveQuestionAction(formId: string, questionId: string, direction: string): Promise<FormState> {
  return adminAction({ ...onForm(formId), message: "Rækkefølgen er gemt." }, (user) => moveQuestion(questionId, direction === "up" ? -1 : 1, user.id));
}

export async function inviteAction(formId: string): Promise<FormState> {
  return adminAction({ ...onForm(formId), kick: true }, async (user) => {
    const count = await inviteParticipants(formId, user.id);
    return count === 0 ? "Alle deltagere er allerede inviteret." : `${count} ${count === 1 ? "deltager er" : "deltagere er"} inviteret. Mailene sendes nu.`;
  });
}

export async function remindAction(formId: string): Promise<FormState> {
  return adminAction({ ...onForm(formId), kick: true }, async (user) => {
    const count = await remindNow(formId, user.id);
    return count === 0 ? "Der er ingen at minde om: alle har svaret eller fået deres påmindelse." : `Påmindelse sendt til ${count} ${count === 1 ? "deltager" : "deltagere"}.`;
  });
}

export async function newVersionAction(formId: string): Promise<FormState> {
  return adminAction(onForm(formId), async (user) => ({ redirect: formPath((await createNewVersion(formId, user.id)).id) }));
}

export async function publishScoreAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(
    fd,
    { ...onProgramme(programmeId), schema: PublishScoreSchema, message: "Resultatet vises nu på uddannelsens side." },
    (data, user) => publishScore(programmeId, data, user.id),
  );
}

export async function unpublishScoreAction(programmeId: string, scoreId: string): Promise<FormState> {
  return adminAction({ ...onProgramme(programmeId), message: "Resultatet er fjernet fra uddannelsens side." }, (user) => unpublishScore(programmeId, scoreId, user.id));
}
