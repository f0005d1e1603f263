import type { PrismaClient, Prisma } from "../../lib/generated/prisma/client";
import { storeResponse } from "../../lib/evaluations/store";
import { defaultQuestionRows } from "../../lib/evaluations/template";
import { hashToken, newToken } from "../../lib/tokens";

type Db = PrismaClient | Prisma.TransactionClient;

/** Creates a form with the default questions for a cohort (or one of its modules). */
export async function createDefaultForm(
  db: Db,
  input: { cohortId: string; moduleId?: string | null; title: string; anonymous?: boolean; closesAt?: Date | null },
) {
  return db.evaluationForm.create({
    data: {
      cohortId: input.cohortId,
      moduleId: input.moduleId ?? null,
      title: input.title,
      anonymous: input.anonymous ?? true,
      closesAt: input.closesAt ?? null,
      questions: { create: defaultQuestionRows() },
    },
    include: { questions: true },
  });
}

/**
 * Records one submitted response per entry of `answers` (question key → scale value or text), each
 * through a used invitation of one of the given enrolments, stored exactly as live submissions are
 * (lib/evaluations/store.ts). Enrolments beyond the answers get an unused invitation.
 */
export async function recordResponses(
  db: Db,
  input: { formId: string; enrolmentIds: string[]; answers: Array<Record<string, number | string>>; submittedAt: Date },
) {
  const form = await db.evaluationForm.findUniqueOrThrow({ where: { id: input.formId }, include: { questions: true } });
  if (input.answers.length > input.enrolmentIds.length) throw new Error("More responses than invited enrolments");
  const byKey = new Map(form.questions.map((q) => [q.key, q]));
  await db.evaluationForm.update({ where: { id: form.id }, data: { invitedAt: form.invitedAt ?? input.submittedAt } });
  for (const [i, enrolmentId] of input.enrolmentIds.entries()) {
    const invitation = await db.evaluationInvitation.create({
      data: { formId: form.id, enrolmentId, tokenHash: hashToken(newToken()), sentAt: input.submittedAt },
    });
    const answers = input.answers[i];
    if (!answers) continue;
    const byId = new Map<string, number | string>();
    for (const [key, value] of Object.entries(answers)) {
      const q = byKey.get(key);
      if (!q) throw new Error(`Unknown question key ${key}`);
      byId.set(q.id, value);
    }
    await storeResponse(db as Prisma.TransactionClient, {
      form,
      invitationId: invitation.id,
      questions: form.questions,
      answers: byId,
      now: input.submittedAt,
    });
  }
}
