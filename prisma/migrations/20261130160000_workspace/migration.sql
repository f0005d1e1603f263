-- CreateEnum
CREATE TYPE "WorkspaceSection" AS ENUM ('BEHAVIOUR', 'PRECONDITION', 'ACTIVITY', 'EFFECT');

-- CreateEnum
CREATE TYPE "PreconditionKind" AS ENUM ('CONTEXT', 'TODAY', 'SYSTEMS');

-- CreateEnum
CREATE TYPE "PreconditionStatus" AS ENUM ('IN_PLACE', 'MISSING', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "workspaceMailDaysBefore" INTEGER NOT NULL DEFAULT 14;

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "solution" TEXT NOT NULL DEFAULT '',
    "gain" TEXT NOT NULL DEFAULT '',
    "sharedWithTeachersAt" TIMESTAMPTZ(3),
    "snapshot" JSONB,
    "snapshotAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "section" "WorkspaceSection" NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "who" TEXT,
    "startsOn" DATE,
    "evidence" TEXT,
    "kind" "PreconditionKind",
    "status" "PreconditionStatus",
    "ownerName" TEXT,
    "ownerRole" TEXT,
    "dueOn" DATE,
    "measure" TEXT,
    "followUpOn" DATE,
    "result" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkspaceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceShare" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "colleagueName" TEXT NOT NULL,
    "colleagueEmail" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkspaceShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceLink" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkspaceLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Workspace_enrolmentId_idx" ON "Workspace"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceItem_workspaceId_section_position_key" ON "WorkspaceItem"("workspaceId", "section", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceShare_tokenHash_key" ON "WorkspaceShare"("tokenHash");

-- CreateIndex
CREATE INDEX "WorkspaceShare_workspaceId_idx" ON "WorkspaceShare"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceLink_tokenHash_key" ON "WorkspaceLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceLink_enrolmentId_purpose_key" ON "WorkspaceLink"("enrolmentId", "purpose");

-- AddForeignKey
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceShare" ADD CONSTRAINT "WorkspaceShare_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceLink" ADD CONSTRAINT "WorkspaceLink_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database enforces for workspace lists: each section's required fields, non-empty text,
-- and a measure and follow-up date for every effect goal.
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_title_present" CHECK (btrim("title") <> '');
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_text_present" CHECK (btrim("text") <> '');
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_behaviour_complete" CHECK ("section" <> 'BEHAVIOUR' OR ("who" IS NOT NULL AND btrim("who") <> '' AND "startsOn" IS NOT NULL AND "evidence" IS NOT NULL AND btrim("evidence") <> ''));
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_precondition_complete" CHECK ("section" <> 'PRECONDITION' OR ("kind" IS NOT NULL AND "status" IS NOT NULL));
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_activity_one_owner" CHECK ("section" <> 'ACTIVITY' OR ("ownerName" IS NOT NULL AND btrim("ownerName") <> '' AND "ownerRole" IS NOT NULL AND btrim("ownerRole") <> '' AND "dueOn" IS NOT NULL));
ALTER TABLE "WorkspaceItem" ADD CONSTRAINT "WorkspaceItem_effect_measured" CHECK ("section" <> 'EFFECT' OR ("measure" IS NOT NULL AND btrim("measure") <> '' AND "followUpOn" IS NOT NULL));
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_workspace_mail_days_range" CHECK ("workspaceMailDaysBefore" BETWEEN 1 AND 90);
