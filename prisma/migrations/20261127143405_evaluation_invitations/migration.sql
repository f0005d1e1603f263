-- AlterTable
ALTER TABLE "EvaluationForm" ADD COLUMN     "autoInvite" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "invitedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "EvaluationInvitation" ADD COLUMN     "reminderTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationInvitation_reminderTokenHash_key" ON "EvaluationInvitation"("reminderTokenHash");

-- CreateIndex
CREATE INDEX "EvaluationInvitation_formId_usedAt_idx" ON "EvaluationInvitation"("formId", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedScore_all_cohorts_key" ON "PublishedScore"("programmeId", "questionKey") WHERE ("cohortId" IS NULL);
