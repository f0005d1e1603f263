-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "mailedAt" TIMESTAMPTZ(3);

-- Until now a PDF invoice was mailed in its issuing transaction: every one issued so far has gone.
UPDATE "Invoice" SET "mailedAt" = "createdAt" WHERE "buyerGln" IS NULL AND "buyerEmail" IS NOT NULL;
