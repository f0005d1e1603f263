import "server-only";
import { audit } from "../audit";
import { db } from "../db";
import { FormError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { PublishScoreInput } from "./schemas";

// Which questions' means the programme's public page shows. The page computes them from the stored
// answers on every request (see public-scores.ts), so a new response shows at once, with no rebuild.

export async function publishScore(programmeId: string, input: PublishScoreInput, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      const cohortId = input.cohortId || null;
      if (cohortId) {
        const cohort = await tx.cohort.findFirst({ where: { id: cohortId, programmeId }, select: { id: true } });
        if (!cohort) throw new FormError("Ret de markerede felter.", { cohortId: "Vælg et hold på denne uddannelse" });
      }
      const question = await tx.evaluationQuestion.findFirst({
        where: { key: input.questionKey, kind: "SCALE", form: { cohort: { programmeId, ...(cohortId ? { id: cohortId } : {}) } } },
        select: { id: true },
      });
      if (!question) throw new FormError("Ret de markerede felter.", { questionKey: "Vælg et skalaspørgsmål, der findes i holdets evaluering" });
      const score = await tx.publishedScore.create({
        data: { programmeId, cohortId, questionKey: input.questionKey, label: input.label, position: input.position },
      });
      await audit(tx, { actorUserId, action: "published_score.created", entityType: "PublishedScore", entityId: score.id, after: { programmeId, ...input } });
      return score;
    })
    .catch((e) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        throw new FormError("Ret de markerede felter.", { questionKey: "Dette spørgsmål er allerede offentliggjort for det valgte hold" });
      }
      throw e;
    });
}

export async function unpublishScore(programmeId: string, scoreId: string, actorUserId: string) {
  await db.$transaction(async (tx) => {
    const score = await tx.publishedScore.findFirst({ where: { id: scoreId, programmeId } });
    if (!score) throw new FormError("Resultatet er allerede fjernet fra siden.");
    await tx.publishedScore.delete({ where: { id: scoreId } });
    await audit(tx, {
      actorUserId, action: "published_score.deleted", entityType: "PublishedScore", entityId: scoreId,
      before: { programmeId, cohortId: score.cohortId, questionKey: score.questionKey, label: score.label },
    });
  });
}
