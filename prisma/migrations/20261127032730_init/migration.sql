-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('MUNICIPALITY', 'REGION', 'STATE', 'OTHER_PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CohortStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('PENDING', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'SUBSTITUTED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'PARTIAL');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('SCALE', 'SINGLE_CHOICE', 'FREE_TEXT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'TEACHER');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "municipalityCode" INTEGER,
    "cvr" VARCHAR(8),
    "ean" VARCHAR(13),
    "street" TEXT,
    "postalCode" VARCHAR(10),
    "city" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "jobTitle" TEXT,
    "organisationId" TEXT,
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "audience" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "providerUrl" TEXT,
    "partnerName" TEXT,
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'DRAFT',
    "priceOre" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'DKK',
    "vatRateBp" INTEGER NOT NULL DEFAULT 2500,
    "priceIncludes" TEXT[],
    "bindingEnrolment" BOOLEAN NOT NULL DEFAULT true,
    "substitutionAllowed" BOOLEAN NOT NULL DEFAULT true,
    "termsText" TEXT NOT NULL,
    "termsVersion" TEXT NOT NULL,
    "completionMinAttendancePct" INTEGER NOT NULL DEFAULT 100,
    "contactName" TEXT,
    "contactTitle" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Module" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "durationDays" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Module_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instructor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "organisation" TEXT,
    "bio" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Instructor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeInstructor" (
    "programmeId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProgrammeInstructor_pkey" PRIMARY KEY ("programmeId","instructorId")
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" VARCHAR(10) NOT NULL,
    "city" TEXT NOT NULL,
    "country" VARCHAR(2) NOT NULL DEFAULT 'DK',
    "accessibilityNotes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "accessibilityNotes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CohortStatus" NOT NULL DEFAULT 'DRAFT',
    "capacity" INTEGER NOT NULL,
    "enrolmentOpensAt" TIMESTAMPTZ(3) NOT NULL,
    "enrolmentClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "priceOverrideOre" INTEGER,
    "hostOrganisationId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "venueId" TEXT,
    "roomId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionDay" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "organisationId" TEXT,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'PENDING',
    "waitlistPosition" INTEGER,
    "offerExpiresAt" TIMESTAMPTZ(3),
    "priceOre" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "invoiceEan" VARCHAR(13),
    "invoiceCvr" VARCHAR(8),
    "invoiceAttention" TEXT,
    "invoiceReference" TEXT,
    "billingName" TEXT,
    "billingStreet" TEXT,
    "billingPostalCode" VARCHAR(10),
    "billingCity" TEXT,
    "dietaryNeeds" TEXT,
    "accessibilityNeeds" TEXT,
    "termsAcceptedAt" TIMESTAMPTZ(3) NOT NULL,
    "termsVersion" TEXT NOT NULL,
    "privacyAcceptedAt" TIMESTAMPTZ(3) NOT NULL,
    "manageTokenHash" TEXT,
    "idempotencyKey" TEXT,
    "replacesId" TEXT,
    "cancellationRequestedAt" TIMESTAMPTZ(3),
    "cancellationRequestReason" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "confirmedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "internalNotes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL,
    "sessionDayId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationForm" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "moduleId" TEXT,
    "title" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" TEXT,
    "closesAt" TIMESTAMPTZ(3),
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 7,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationQuestion" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "prompt" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "scaleMin" INTEGER,
    "scaleMax" INTEGER,
    "minLabel" TEXT,
    "maxLabel" TEXT,
    "options" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationInvitation" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "reminderSentAt" TIMESTAMPTZ(3),
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResponse" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "invitationId" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "scaleValue" INTEGER,
    "choice" TEXT,
    "text" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedScore" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "cohortId" TEXT,
    "questionKey" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublishedScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortTeacher" (
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CohortTeacher_pkey" PRIMARY KEY ("cohortId","userId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "attachments" JSONB,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_municipalityCode_key" ON "Organisation"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_cvr_key" ON "Organisation"("cvr");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_organisationId_idx" ON "Person"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE INDEX "Programme_status_idx" ON "Programme"("status");

-- CreateIndex
CREATE INDEX "Module_programmeId_idx" ON "Module"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "Module_programmeId_position_key" ON "Module"("programmeId", "position");

-- CreateIndex
CREATE INDEX "ProgrammeInstructor_instructorId_idx" ON "ProgrammeInstructor"("instructorId");

-- CreateIndex
CREATE UNIQUE INDEX "Venue_name_street_postalCode_key" ON "Venue"("name", "street", "postalCode");

-- CreateIndex
CREATE INDEX "Room_venueId_idx" ON "Room"("venueId");

-- CreateIndex
CREATE UNIQUE INDEX "Room_venueId_name_key" ON "Room"("venueId", "name");

-- CreateIndex
CREATE INDEX "Cohort_programmeId_status_idx" ON "Cohort"("programmeId", "status");

-- CreateIndex
CREATE INDEX "Cohort_hostOrganisationId_idx" ON "Cohort"("hostOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_programmeId_slug_key" ON "Cohort"("programmeId", "slug");

-- CreateIndex
CREATE INDEX "Session_moduleId_idx" ON "Session"("moduleId");

-- CreateIndex
CREATE INDEX "Session_venueId_idx" ON "Session"("venueId");

-- CreateIndex
CREATE INDEX "Session_roomId_idx" ON "Session"("roomId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_cohortId_moduleId_key" ON "Session"("cohortId", "moduleId");

-- CreateIndex
CREATE INDEX "SessionDay_startsAt_idx" ON "SessionDay"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionDay_sessionId_startsAt_key" ON "SessionDay"("sessionId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_manageTokenHash_key" ON "Enrolment"("manageTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_idempotencyKey_key" ON "Enrolment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_replacesId_key" ON "Enrolment"("replacesId");

-- CreateIndex
CREATE INDEX "Enrolment_cohortId_status_idx" ON "Enrolment"("cohortId", "status");

-- CreateIndex
CREATE INDEX "Enrolment_personId_idx" ON "Enrolment"("personId");

-- CreateIndex
CREATE INDEX "Enrolment_organisationId_idx" ON "Enrolment"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_one_active_per_person" ON "Enrolment"("cohortId", "personId") WHERE (status = ANY (ARRAY['PENDING'::"EnrolmentStatus", 'CONFIRMED'::"EnrolmentStatus", 'WAITLISTED'::"EnrolmentStatus"]));

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_cohortId_waitlistPosition_key" ON "Enrolment"("cohortId", "waitlistPosition");

-- CreateIndex
CREATE INDEX "Attendance_enrolmentId_idx" ON "Attendance"("enrolmentId");

-- CreateIndex
CREATE INDEX "Attendance_recordedById_idx" ON "Attendance"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_sessionDayId_enrolmentId_key" ON "Attendance"("sessionDayId", "enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationForm_supersedesId_key" ON "EvaluationForm"("supersedesId");

-- CreateIndex
CREATE INDEX "EvaluationForm_cohortId_idx" ON "EvaluationForm"("cohortId");

-- CreateIndex
CREATE INDEX "EvaluationForm_moduleId_idx" ON "EvaluationForm"("moduleId");

-- CreateIndex
CREATE INDEX "EvaluationQuestion_key_idx" ON "EvaluationQuestion"("key");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationQuestion_formId_position_key" ON "EvaluationQuestion"("formId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationQuestion_formId_key_key" ON "EvaluationQuestion"("formId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationInvitation_tokenHash_key" ON "EvaluationInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "EvaluationInvitation_enrolmentId_idx" ON "EvaluationInvitation"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationInvitation_formId_enrolmentId_key" ON "EvaluationInvitation"("formId", "enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResponse_invitationId_key" ON "EvaluationResponse"("invitationId");

-- CreateIndex
CREATE INDEX "EvaluationResponse_formId_idx" ON "EvaluationResponse"("formId");

-- CreateIndex
CREATE INDEX "EvaluationAnswer_questionId_scaleValue_idx" ON "EvaluationAnswer"("questionId", "scaleValue");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationAnswer_responseId_questionId_key" ON "EvaluationAnswer"("responseId", "questionId");

-- CreateIndex
CREATE INDEX "PublishedScore_cohortId_idx" ON "PublishedScore"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedScore_programmeId_cohortId_questionKey_key" ON "PublishedScore"("programmeId", "cohortId", "questionKey");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "CohortTeacher_userId_idx" ON "CohortTeacher"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_idx" ON "AuditLog"("actorUserId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Module" ADD CONSTRAINT "Module_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeInstructor" ADD CONSTRAINT "ProgrammeInstructor_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeInstructor" ADD CONSTRAINT "ProgrammeInstructor_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "Instructor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionDay" ADD CONSTRAINT "SessionDay_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_sessionDayId_fkey" FOREIGN KEY ("sessionDayId") REFERENCES "SessionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationForm" ADD CONSTRAINT "EvaluationForm_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationForm" ADD CONSTRAINT "EvaluationForm_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationForm" ADD CONSTRAINT "EvaluationForm_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "EvaluationForm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationQuestion" ADD CONSTRAINT "EvaluationQuestion_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EvaluationForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInvitation" ADD CONSTRAINT "EvaluationInvitation_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EvaluationForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInvitation" ADD CONSTRAINT "EvaluationInvitation_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_formId_fkey" FOREIGN KEY ("formId") REFERENCES "EvaluationForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "EvaluationInvitation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "EvaluationResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "EvaluationQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedScore" ADD CONSTRAINT "PublishedScore_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedScore" ADD CONSTRAINT "PublishedScore_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortTeacher" ADD CONSTRAINT "CohortTeacher_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortTeacher" ADD CONSTRAINT "CohortTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules that Prisma's schema language cannot express, enforced by the database all the same.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_price_nonnegative" CHECK ("priceOre" >= 0);
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_vat_rate_range" CHECK ("vatRateBp" BETWEEN 0 AND 10000);
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_completion_pct_range" CHECK ("completionMinAttendancePct" BETWEEN 1 AND 100);
ALTER TABLE "Module" ADD CONSTRAINT "Module_position_positive" CHECK ("position" >= 1);
ALTER TABLE "Module" ADD CONSTRAINT "Module_duration_positive" CHECK ("durationDays" >= 1);
ALTER TABLE "Room" ADD CONSTRAINT "Room_capacity_positive" CHECK ("capacity" >= 1);
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_capacity_positive" CHECK ("capacity" >= 1);
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_window_ordered" CHECK ("enrolmentClosesAt" > "enrolmentOpensAt");
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_price_override_nonnegative" CHECK ("priceOverrideOre" IS NULL OR "priceOverrideOre" >= 0);
ALTER TABLE "SessionDay" ADD CONSTRAINT "SessionDay_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_waitlist_position" CHECK (("status" = 'WAITLISTED') = ("waitlistPosition" IS NOT NULL) AND ("waitlistPosition" IS NULL OR "waitlistPosition" >= 1));
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_price_nonnegative" CHECK ("priceOre" >= 0 AND "vatRateBp" BETWEEN 0 AND 10000);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_ean_format" CHECK ("invoiceEan" IS NULL OR "invoiceEan" ~ '^[0-9]{13}$');
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_cvr_format" CHECK ("invoiceCvr" IS NULL OR "invoiceCvr" ~ '^[0-9]{8}$');
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_not_self_substitute" CHECK ("replacesId" IS NULL OR "replacesId" <> "id");
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_ean_format" CHECK ("ean" IS NULL OR "ean" ~ '^[0-9]{13}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_cvr_format" CHECK ("cvr" IS NULL OR "cvr" ~ '^[0-9]{8}$');
ALTER TABLE "Person" ADD CONSTRAINT "Person_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "EvaluationQuestion" ADD CONSTRAINT "EvaluationQuestion_scale_bounds" CHECK ("kind" <> 'SCALE' OR ("scaleMin" IS NOT NULL AND "scaleMax" IS NOT NULL AND "scaleMin" >= 0 AND "scaleMax" <= 10 AND "scaleMin" < "scaleMax"));
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_scale_range" CHECK ("scaleValue" IS NULL OR "scaleValue" BETWEEN 0 AND 10);
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_one_value" CHECK (num_nonnulls("scaleValue", "choice", "text") = 1);
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_attempts_nonnegative" CHECK ("attempts" >= 0);
ALTER TABLE "RateLimitBucket" ADD CONSTRAINT "RateLimitBucket_count_positive" CHECK ("count" >= 1);
