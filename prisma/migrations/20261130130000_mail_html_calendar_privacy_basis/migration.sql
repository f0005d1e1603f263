-- CreateEnum
CREATE TYPE "PrivacyBasis" AS ENUM ('APPLICANT', 'GIVEN_BY_COLLEAGUE');

-- AlterTable
ALTER TABLE "Enrolment" ALTER COLUMN "privacyAcceptedAt" DROP NOT NULL,
ADD COLUMN     "privacyBasis" "PrivacyBasis" NOT NULL DEFAULT 'APPLICANT',
ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "fromName" TEXT;

-- A colleague's enrolment recorded a privacy acceptance they never gave: it was their sender's act.
UPDATE "Enrolment" SET "privacyBasis" = 'GIVEN_BY_COLLEAGUE', "privacyAcceptedAt" = NULL WHERE "replacesId" IS NOT NULL;
