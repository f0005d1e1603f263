// How a submitted evaluation is written, shared by the live answer page and the demo seed (which
// runs outside Next, hence no "server-only" here; it holds no secrets and reads no environment).
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Midnight UTC of the instant's day: all an anonymous response keeps of when it was given. */
export function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export interface StoredAnswerQuestion {
  id: string;
  kind: "SCALE" | "SINGLE_CHOICE" | "FREE_TEXT";
}

/**
 * Marks the invitation used and stores the response with its answers, in the caller's transaction.
 *
 * For an anonymous form nothing leads from the response back to the invitation (and so the person):
 * no invitationId; random ids instead of cuids (which embed their creation time); the response, its
 * answers and the invitation's usedAt keep only the day, so times cannot be matched either. The
 * caller should touch the invitation again after commit (see `scrubInvitationVersion`), so the row
 * versions of the two are not written by one transaction id either. Limits: the next transaction id
 * is still close, and a day with one respondent gives that respondent away; both need direct SQL
 * access to see.
 */
export async function storeResponse(
  tx: Tx,
  input: {
    form: { id: string; anonymous: boolean };
    invitationId: string;
    questions: StoredAnswerQuestion[];
    answers: Map<string, number | string>;
    now: Date;
  },
): Promise<{ responseId: string }> {
  const { form, now } = input;
  const at = form.anonymous ? dayOf(now) : now;
  await tx.evaluationInvitation.update({ where: { id: input.invitationId }, data: { usedAt: at, updatedAt: at } });
  const responseId = form.anonymous ? randomUUID() : undefined;
  const answers = input.questions
    .filter((q) => input.answers.has(q.id))
    .map((q) => {
      const value = input.answers.get(q.id)!;
      return {
        ...(form.anonymous ? { id: randomUUID(), createdAt: at, updatedAt: at } : {}),
        questionId: q.id,
        scaleValue: q.kind === "SCALE" ? Number(value) : null,
        choice: q.kind === "SINGLE_CHOICE" ? String(value) : null,
        text: q.kind === "FREE_TEXT" ? String(value) : null,
      };
    });
  const response = await tx.evaluationResponse.create({
    data: {
      ...(responseId ? { id: responseId } : {}),
      formId: form.id,
      invitationId: form.anonymous ? null : input.invitationId,
      submittedAt: at,
      createdAt: at,
      updatedAt: at,
      answers: { create: answers },
    },
    select: { id: true },
  });
  return { responseId: response.id };
}

/**
 * Rewrites a used invitation of an anonymous form in a transaction of its own, so its current row
 * version no longer shares a transaction id (xmin) with the response it led to.
 */
export async function scrubInvitationVersion(db: { $executeRaw: Tx["$executeRaw"] }, invitationId: string): Promise<void> {
  await db.$executeRaw`UPDATE "EvaluationInvitation" SET "updatedAt" = "usedAt" WHERE id = ${invitationId}`;
}
