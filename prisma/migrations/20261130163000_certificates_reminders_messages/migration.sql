-- AlterTable
ALTER TABLE "Module" ADD COLUMN     "preparation" TEXT;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "reminderDaysBefore" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "mailedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleReminder" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModuleReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortMessage" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "includeWaitlist" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" TIMESTAMPTZ(3),
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CohortMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_enrolmentId_key" ON "Certificate"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_mailedAt_idx" ON "Certificate"("mailedAt");

-- CreateIndex
CREATE INDEX "ModuleReminder_sessionId_idx" ON "ModuleReminder"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleReminder_enrolmentId_sessionId_key" ON "ModuleReminder"("enrolmentId", "sessionId");

-- CreateIndex
CREATE INDEX "CohortMessage_cohortId_createdAt_idx" ON "CohortMessage"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "CohortMessage_createdById_idx" ON "CohortMessage"("createdById");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleReminder" ADD CONSTRAINT "ModuleReminder_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleReminder" ADD CONSTRAINT "ModuleReminder_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMessage" ADD CONSTRAINT "CohortMessage_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMessage" ADD CONSTRAINT "CohortMessage_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
