-- CreateTable
CREATE TABLE "ManageLink" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "baseHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManageLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ManageLink_tokenHash_key" ON "ManageLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ManageLink_enrolmentId_idx" ON "ManageLink"("enrolmentId");

-- AddForeignKey
ALTER TABLE "ManageLink" ADD CONSTRAINT "ManageLink_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
