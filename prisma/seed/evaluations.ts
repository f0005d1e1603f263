import type { PrismaClient, Prisma } from "../../lib/generated/prisma/client";
import { hashToken, newToken } from "../../lib/tokens";

type Db = PrismaClient | Prisma.TransactionClient;

/** The default evaluation template (issue #5 lets coordinators edit it). Keys are stable across forms. */
export const DEFAULT_QUESTIONS = [
  { key: "content_quality", kind: "SCALE", prompt: "Hvordan vurderer du kvaliteten af indholdet?", minLabel: "Meget lav", maxLabel: "Meget høj" },
  { key: "content_relevance", kind: "SCALE", prompt: "Hvor relevant var indholdet for dit arbejde?", minLabel: "Slet ikke relevant", maxLabel: "Meget relevant" },
  { key: "delivery", kind: "SCALE", prompt: "Hvordan vurderer du formidlingen?", minLabel: "Meget dårlig", maxLabel: "Meget god" },
  { key: "do_differently", kind: "FREE_TEXT", prompt: "Hvad vil du gøre anderledes i dit implementeringsarbejde fremover?", required: false },
  { key: "comments", kind: "FREE_TEXT", prompt: "Andre kommentarer", required: false },
] as const;

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
      questions: {
        create: DEFAULT_QUESTIONS.map((q, i) => ({
          position: i + 1,
          key: q.key,
          kind: q.kind,
          prompt: q.prompt,
          required: "required" in q ? q.required : true,
          scaleMin: q.kind === "SCALE" ? 1 : null,
          scaleMax: q.kind === "SCALE" ? 10 : null,
          minLabel: "minLabel" in q ? q.minLabel : null,
          maxLabel: "maxLabel" in q ? q.maxLabel : null,
        })),
      },
    },
    include: { questions: true },
  });
}

/**
 * Records one submitted response per entry of `answers` (question key → scale value or text), each
 * through a used invitation of one of the given enrolments. For anonymous forms the response carries
 * no link to the invitation, exactly as live submissions are stored.
 */
export async function recordResponses(
  db: Db,
  input: { formId: string; enrolmentIds: string[]; answers: Array<Record<string, number | string>>; submittedAt: Date },
) {
  const form = await db.evaluationForm.findUniqueOrThrow({ where: { id: input.formId }, include: { questions: true } });
  if (input.answers.length > input.enrolmentIds.length) throw new Error("More responses than invited enrolments");
  const byKey = new Map(form.questions.map((q) => [q.key, q]));
  for (const [i, enrolmentId] of input.enrolmentIds.entries()) {
    const answers = input.answers[i];
    const invitation = await db.evaluationInvitation.create({
      data: {
        formId: form.id,
        enrolmentId,
        tokenHash: hashToken(newToken()),
        sentAt: input.submittedAt,
        usedAt: answers ? input.submittedAt : null,
      },
    });
    if (!answers) continue;
    await db.evaluationResponse.create({
      data: {
        formId: form.id,
        invitationId: form.anonymous ? null : invitation.id,
        submittedAt: input.submittedAt,
        answers: {
          create: Object.entries(answers).map(([key, value]) => {
            const q = byKey.get(key);
            if (!q) throw new Error(`Unknown question key ${key}`);
            return q.kind === "SCALE"
              ? { questionId: q.id, scaleValue: Number(value) }
              : q.kind === "SINGLE_CHOICE"
                ? { questionId: q.id, choice: String(value) }
                : { questionId: q.id, text: String(value) };
          }),
        },
      },
    });
  }
}
