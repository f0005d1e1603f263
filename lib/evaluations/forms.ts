import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { FormError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { copenhagenTime, localDateIso } from "../time";
import type { FormSettingsInput, QuestionInput } from "./schemas";
import { defaultQuestionRows } from "./template";

// Coordinators' management of evaluation forms. A form whose questions have been answered is never
// changed destructively: its questions are frozen and a new version (a copy) takes over instead.

export const FROZEN_MESSAGE = "Formularen har allerede svar, så spørgsmålene kan ikke ændres. Opret en ny version for at ændre dem.";

interface LockedForm {
  id: string;
  cohortId: string;
  anonymous: boolean;
  version: number;
  closesAt: Date | null;
  responses: number;
  invitations: number;
  superseded: boolean;
}

/**
 * Locks the form row for the rest of the transaction and counts what hangs on it. Submissions take a
 * share lock on the same row, so "has no responses" stays true until this transaction ends.
 */
export async function lockForm(tx: Tx, formId: string): Promise<LockedForm> {
  const rows = await tx.$queryRaw<Array<{ id: string; cohortId: string; anonymous: boolean; version: number; closesAt: Date | null }>>`
    SELECT id, "cohortId", anonymous, version, "closesAt" FROM "EvaluationForm" WHERE id = ${formId} FOR UPDATE`;
  const form = rows[0];
  if (!form) throw new FormError("Evalueringen findes ikke.");
  const [responses, invitations, successor] = await Promise.all([
    tx.evaluationResponse.count({ where: { formId } }),
    tx.evaluationInvitation.count({ where: { formId } }),
    tx.evaluationForm.count({ where: { supersedesId: formId } }),
  ]);
  return { ...form, responses, invitations, superseded: successor > 0 };
}

async function editableForm(tx: Tx, formId: string): Promise<LockedForm> {
  const form = await lockForm(tx, formId);
  if (form.superseded) throw new FormError("Denne version er afløst af en nyere. Ret den nyeste version.");
  if (form.responses > 0) throw new FormError(FROZEN_MESSAGE);
  return form;
}

async function checkModule(tx: Tx, cohortId: string, moduleId: string): Promise<string | null> {
  if (!moduleId) return null;
  const ok = await tx.session.findFirst({ where: { cohortId, moduleId }, select: { id: true } });
  if (!ok) throw new FormError("Ret de markerede felter.", { moduleId: "Vælg et modul, holdet har" });
  return moduleId;
}

const closesAtOf = (input: FormSettingsInput) => copenhagenTime(input.closesOn, "23:59");

export async function createForm(cohortId: string, input: FormSettingsInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, select: { id: true } });
    if (!cohort) throw new FormError("Holdet findes ikke.");
    const moduleId = await checkModule(tx, cohortId, input.moduleId);
    const form = await tx.evaluationForm.create({
      data: {
        cohortId,
        moduleId,
        title: input.title,
        anonymous: input.anonymous,
        autoInvite: input.autoInvite,
        closesAt: closesAtOf(input),
        reminderAfterDays: input.reminderAfterDays,
        questions: { create: defaultQuestionRows() },
      },
    });
    await audit(tx, { actorUserId, action: "evaluation_form.created", entityType: "EvaluationForm", entityId: form.id, after: { ...input } });
    return form;
  });
}

export async function updateFormSettings(formId: string, input: FormSettingsInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const locked = await lockForm(tx, formId);
    const before = await tx.evaluationForm.findUniqueOrThrow({ where: { id: formId } });
    // Anonymity is a promise made in the invitation; it cannot change once anyone has been invited.
    if (locked.invitations > 0 && before.anonymous !== input.anonymous) {
      throw new FormError("Ret de markerede felter.", { anonymous: "Anonymiteten kan ikke ændres, når deltagerne er inviteret" });
    }
    if (locked.invitations > 0 && (before.moduleId ?? "") !== input.moduleId) {
      throw new FormError("Ret de markerede felter.", { moduleId: "Hvad der evalueres, kan ikke ændres, når deltagerne er inviteret" });
    }
    const moduleId = await checkModule(tx, locked.cohortId, input.moduleId);
    const form = await tx.evaluationForm.update({
      where: { id: formId },
      data: { title: input.title, moduleId, anonymous: input.anonymous, autoInvite: input.autoInvite, closesAt: closesAtOf(input), reminderAfterDays: input.reminderAfterDays },
    });
    await audit(tx, {
      actorUserId, action: "evaluation_form.updated", entityType: "EvaluationForm", entityId: formId,
      before: {
        title: before.title, moduleId: before.moduleId ?? "", anonymous: before.anonymous, autoInvite: before.autoInvite,
        closesOn: before.closesAt ? localDateIso(before.closesAt) : "", reminderAfterDays: before.reminderAfterDays,
      },
      after: { ...input },
    });
    return form;
  });
}

/** The stable key of a new question: the one given, else "q<n>" with the first free n. */
function keyFor(input: QuestionInput, taken: Set<string>): string {
  if (input.key) {
    if (taken.has(input.key)) throw new FormError("Ret de markerede felter.", { key: "Formularen har allerede et spørgsmål med denne nøgle" });
    return input.key;
  }
  for (let n = taken.size + 1; ; n++) if (!taken.has(`q${n}`)) return `q${n}`;
}

function questionData(input: QuestionInput) {
  const scale = input.kind === "SCALE";
  return {
    kind: input.kind,
    prompt: input.prompt,
    required: input.required,
    scaleMin: scale ? 1 : null,
    scaleMax: scale ? 10 : null,
    minLabel: scale ? input.minLabel || null : null,
    maxLabel: scale ? input.maxLabel || null : null,
    options: input.kind === "SINGLE_CHOICE" ? input.optionList : [],
  };
}

export async function addQuestion(formId: string, input: QuestionInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    await editableForm(tx, formId);
    const existing = await tx.evaluationQuestion.findMany({ where: { formId }, select: { key: true, position: true } });
    if (existing.length >= 50) throw new FormError("En formular kan højst have 50 spørgsmål.");
    const key = keyFor(input, new Set(existing.map((q) => q.key)));
    const position = Math.max(0, ...existing.map((q) => q.position)) + 1;
    const q = await tx.evaluationQuestion.create({ data: { formId, position, key, ...questionData(input) } });
    await audit(tx, { actorUserId, action: "evaluation_question.created", entityType: "EvaluationQuestion", entityId: q.id, after: { formId, key, ...questionData(input) } });
    return q;
  });
}

async function questionOf(tx: Tx, questionId: string) {
  const q = await tx.evaluationQuestion.findUnique({ where: { id: questionId } });
  if (!q) throw new FormError("Spørgsmålet findes ikke.");
  return q;
}

export async function updateQuestion(questionId: string, input: QuestionInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const before = await questionOf(tx, questionId);
    await editableForm(tx, before.formId);
    if (input.key && input.key !== before.key) {
      const clash = await tx.evaluationQuestion.findFirst({ where: { formId: before.formId, key: input.key } });
      if (clash) throw new FormError("Ret de markerede felter.", { key: "Formularen har allerede et spørgsmål med denne nøgle" });
    }
    const data = { ...questionData(input), key: input.key || before.key };
    const q = await tx.evaluationQuestion.update({ where: { id: questionId }, data });
    await audit(tx, {
      actorUserId, action: "evaluation_question.updated", entityType: "EvaluationQuestion", entityId: questionId,
      before: { key: before.key, kind: before.kind, prompt: before.prompt, required: before.required, minLabel: before.minLabel, maxLabel: before.maxLabel, options: before.options },
      after: data,
    });
    return q;
  });
}

export async function removeQuestion(questionId: string, actorUserId: string) {
  await db.$transaction(async (tx) => {
    const q = await questionOf(tx, questionId);
    await editableForm(tx, q.formId);
    await tx.evaluationQuestion.delete({ where: { id: questionId } });
    await renumber(tx, q.formId);
    await audit(tx, { actorUserId, action: "evaluation_question.deleted", entityType: "EvaluationQuestion", entityId: questionId, before: { key: q.key, prompt: q.prompt } });
  });
}

/** Moves a question one place up (-1) or down (+1). */
export async function moveQuestion(questionId: string, direction: -1 | 1, actorUserId: string) {
  await db.$transaction(async (tx) => {
    const q = await questionOf(tx, questionId);
    await editableForm(tx, q.formId);
    const ids = (await tx.evaluationQuestion.findMany({ where: { formId: q.formId }, orderBy: { position: "asc" }, select: { id: true } })).map((x) => x.id);
    const i = ids.indexOf(questionId);
    const j = i + direction;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await renumber(tx, q.formId, ids);
    await audit(tx, { actorUserId, action: "evaluation_question.moved", entityType: "EvaluationQuestion", entityId: questionId, before: { position: i + 1 }, after: { position: j + 1 } });
  });
}

/** Gives the form's questions positions 1..n in the given (or current) order, past the unique index. */
async function renumber(tx: Tx, formId: string, order?: string[]) {
  const ids = order ?? (await tx.evaluationQuestion.findMany({ where: { formId }, orderBy: { position: "asc" }, select: { id: true } })).map((x) => x.id);
  await tx.$executeRaw`UPDATE "EvaluationQuestion" SET position = -position WHERE "formId" = ${formId}`;
  for (const [i, id] of ids.entries()) await tx.evaluationQuestion.update({ where: { id }, data: { position: i + 1 } });
}

/**
 * A new version of an answered form: a copy of its settings and questions, which can then be edited.
 * Invitations not yet used move to the new version, so the links already mailed open the new questions;
 * used ones and their responses stay with the old version, whose results remain as they were.
 */
export async function createNewVersion(formId: string, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      const locked = await lockForm(tx, formId);
      if (locked.superseded) throw new FormError("Denne version er allerede afløst af en nyere.");
      const old = await tx.evaluationForm.findUniqueOrThrow({ where: { id: formId }, include: { questions: { orderBy: { position: "asc" } } } });
      const next = await tx.evaluationForm.create({
        data: {
          cohortId: old.cohortId,
          moduleId: old.moduleId,
          title: old.title,
          anonymous: old.anonymous,
          autoInvite: old.autoInvite,
          invitedAt: old.invitedAt,
          closesAt: old.closesAt,
          reminderAfterDays: old.reminderAfterDays,
          version: old.version + 1,
          supersedesId: old.id,
          questions: {
            create: old.questions.map((q) => ({
              position: q.position, key: q.key, kind: q.kind, prompt: q.prompt, required: q.required,
              scaleMin: q.scaleMin, scaleMax: q.scaleMax, minLabel: q.minLabel, maxLabel: q.maxLabel, options: q.options,
            })),
          },
        },
      });
      const moved = await tx.evaluationInvitation.updateMany({ where: { formId, usedAt: null }, data: { formId: next.id } });
      await audit(tx, {
        actorUserId, action: "evaluation_form.versioned", entityType: "EvaluationForm", entityId: next.id,
        before: { formId, version: old.version }, after: { version: next.version, invitationsMoved: moved.count },
      });
      return next;
    })
    .catch((e) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new FormError("Denne version er allerede afløst af en nyere.");
      throw e;
    });
}

/** The ids of a form and every earlier version of it, newest first. */
export async function versionChain(tx: Tx, formId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    WITH RECURSIVE chain AS (
      SELECT id, "supersedesId", 0 AS depth FROM "EvaluationForm" WHERE id = ${formId}
      UNION ALL
      SELECT f.id, f."supersedesId", chain.depth + 1 FROM "EvaluationForm" f JOIN chain ON f.id = chain."supersedesId"
    )
    SELECT id FROM chain ORDER BY depth`;
  return rows.map((r) => r.id);
}
