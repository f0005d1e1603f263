-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "invoiceEmail" TEXT;
