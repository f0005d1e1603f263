-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'SENT', 'PAID', 'CREDITED');

-- CreateEnum
CREATE TYPE "InvoiceGrouping" AS ENUM ('PER_ENROLMENT', 'PER_ORGANISATION');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "autoInvoice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "invoiceGrouping" "InvoiceGrouping" NOT NULL DEFAULT 'PER_ORGANISATION';

-- CreateTable
CREATE TABLE "SellerConfig" (
    "id" TEXT NOT NULL DEFAULT 'seller',
    "legalName" TEXT NOT NULL DEFAULT '',
    "cvr" VARCHAR(8) NOT NULL DEFAULT '',
    "street" TEXT NOT NULL DEFAULT '',
    "postalCode" VARCHAR(10) NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "gln" VARCHAR(13) NOT NULL DEFAULT '',
    "bankRegNo" VARCHAR(4) NOT NULL DEFAULT '',
    "bankAccountNo" VARCHAR(10) NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "invoicePrefix" VARCHAR(10) NOT NULL DEFAULT 'F',
    "creditNotePrefix" VARCHAR(10) NOT NULL DEFAULT 'K',
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SellerConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "kind" "InvoiceKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("kind","year")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "cohortId" TEXT NOT NULL,
    "organisationId" TEXT,
    "creditsId" TEXT,
    "issueDate" DATE NOT NULL,
    "dueDate" DATE,
    "buyerName" TEXT NOT NULL,
    "buyerGln" VARCHAR(13),
    "buyerEmail" TEXT,
    "netOre" INTEGER NOT NULL,
    "vatOre" INTEGER NOT NULL,
    "grossOre" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'DKK',
    "document" JSONB NOT NULL,
    "paidAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "netOre" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_cohortId_idx" ON "Invoice"("cohortId");

-- CreateIndex
CREATE INDEX "Invoice_organisationId_idx" ON "Invoice"("organisationId");

-- CreateIndex
CREATE INDEX "Invoice_creditsId_idx" ON "Invoice"("creditsId");

-- CreateIndex
CREATE INDEX "Invoice_issueDate_idx" ON "Invoice"("issueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_kind_year_sequence_key" ON "Invoice"("kind", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_enrolmentId_kind_key" ON "InvoiceLine"("enrolmentId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_lineId_key" ON "InvoiceLine"("invoiceId", "lineId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditsId_fkey" FOREIGN KEY ("creditsId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
