import type { PrismaClient } from "../../lib/generated/prisma/client";

/**
 * Demo seller details (invented: the CVR and GLN merely pass their check digits; the bank account is
 * not real). Marked isDemo so the admin page says so until an administrator saves real details.
 */
export const DEMO_SELLER = {
  legalName: "Stillads Kursusdrift ApS (demo)",
  cvr: "12345674",
  street: "Weidekampsgade 10",
  postalCode: "2300",
  city: "København S",
  gln: "5790000000005",
  bankRegNo: "1234",
  bankAccountNo: "0012345678",
  contactEmail: "faktura@stillads.example",
  invoicePrefix: "F",
  creditNotePrefix: "K",
  paymentTermsDays: 30,
};

export async function seedSellerConfig(prisma: PrismaClient, over: Partial<typeof DEMO_SELLER> = {}) {
  const data = { ...DEMO_SELLER, ...over, isDemo: true };
  return prisma.sellerConfig.upsert({ where: { id: "seller" }, update: data, create: { id: "seller", ...data } });
}
