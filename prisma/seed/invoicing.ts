import type { PrismaClient } from "../../lib/generated/prisma/client";
import { recordFullAttendance } from "./attendance";

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

/** Efterår 2023's participants (invented): two municipalities with EAN and a private company without. */
const AUTUMN_2023 = [
  { org: "aarhus", name: "Deltager A1 (demo)", email: "a1@aarhus.example", attention: "Borgerservice, udvikling", reference: "PO-2023-117" },
  { org: "aarhus", name: "Deltager A2 (demo)", email: "a2@aarhus.example", attention: "Borgerservice, udvikling", reference: "PO-2023-117" },
  { org: "odense", name: "Deltager O1 (demo)", email: "o1@odense.example", attention: "Digitalisering", reference: null },
  { org: "odense", name: "Deltager O2 (demo)", email: "o2@odense.example", attention: "Digitalisering", reference: null },
  { org: "firma", name: "Deltager F1 (demo)", email: "f1@implementeringshuset.example", attention: "Bogholderiet", reference: null },
] as const;

/**
 * The completed 2023 cohorts invoiced, as they would have been then: Syddjurs (in-house) as one
 * e-invoice to Syddjurs Kommune, Efterår 2023 one invoice per organisation, and a credit note for a
 * participant of Odense who was cancelled after invoicing. Goes through the invoicing service itself
 * (the caller installs `prisma` as the app's client), so the seeded invoices are what the app issues.
 * Runs once: a cohort with invoices is left alone.
 */
export async function seedDemoInvoices(prisma: PrismaClient, cohorts: Record<string, string>) {
  const { issueCohortInvoices, creditEnrolment } = await import("../../lib/invoicing/service");
  await seedSellerConfig(prisma);
  const syddjursId = cohorts["syddjurs-2023"]!;
  const autumnId = cohorts["efteraar-2023"]!;
  if (await prisma.invoice.count({ where: { cohortId: { in: [syddjursId, autumnId] } } })) return;

  await prisma.organisation.update({
    where: { municipalityCode: 706 },
    data: { ean: "5798000416604", cvr: "29189684", street: "Lundbergsvej 2", postalCode: "8400", city: "Ebeltoft" },
  });
  await prisma.enrolment.updateMany({ where: { cohortId: syddjursId }, data: { invoiceAttention: "HR og Udvikling", invoiceReference: "SYD-2023-04" } });

  const orgs = {
    aarhus: await prisma.organisation.upsert({ where: { municipalityCode: 751 }, update: {}, create: { name: "Aarhus Kommune", kind: "MUNICIPALITY", municipalityCode: 751, cvr: "55133018", ean: "5798000001893", street: "Rådhuspladsen 2", postalCode: "8000", city: "Aarhus C" } }),
    odense: await prisma.organisation.upsert({ where: { municipalityCode: 461 }, update: {}, create: { name: "Odense Kommune", kind: "MUNICIPALITY", municipalityCode: 461, cvr: "35209115", ean: "5798000002012", street: "Flakhaven 2", postalCode: "5000", city: "Odense C" } }),
    firma: (await prisma.organisation.findFirst({ where: { name: "Implementeringshuset ApS (demo)" } })) ?? (await prisma.organisation.create({ data: { name: "Implementeringshuset ApS (demo)", kind: "PRIVATE", street: "Vestergade 5", postalCode: "8000", city: "Aarhus C" } })),
  };
  const ids: string[] = [];
  for (const p of AUTUMN_2023) {
    const org = orgs[p.org];
    const person = await prisma.person.upsert({ where: { email: p.email }, update: {}, create: { name: p.name, email: p.email, organisationId: org.id } });
    const e = await prisma.enrolment.create({
      data: {
        cohortId: autumnId, personId: person.id, organisationId: org.id, status: "COMPLETED", priceOre: 1_295_000, vatRateBp: 2500,
        invoiceEan: org.ean, invoiceCvr: org.kind === "PRIVATE" ? "12345674" : org.cvr, invoiceAttention: p.attention, invoiceReference: p.reference,
        billingName: org.name, billingStreet: org.street, billingPostalCode: org.postalCode, billingCity: org.city,
        termsAcceptedAt: new Date("2023-07-01T09:00:00Z"), termsVersion: "2023-06-20", privacyAcceptedAt: new Date("2023-07-01T09:00:00Z"),
        confirmedAt: new Date("2023-07-01T09:00:00Z"), completedAt: new Date("2023-10-31T14:00:00Z"),
      },
    });
    ids.push(e.id);
  }
  await recordFullAttendance(prisma, autumnId, ids);
  await issueCohortInvoices({ cohortId: syddjursId, now: new Date("2023-03-14T10:00:00Z") });
  await issueCohortInvoices({ cohortId: autumnId, now: new Date("2023-08-22T10:00:00Z") });
  // Odense's second participant withdrew after the invoice went out (seeded as it would have been then).
  const withdrawn = ids[3]!;
  await prisma.$transaction(async (tx) => {
    await tx.enrolment.update({ where: { id: withdrawn }, data: { status: "CANCELLED", completedAt: null, cancelledAt: new Date("2023-08-25T10:00:00Z"), cancelReason: "Afbud efter fakturering (demo)" } });
    await creditEnrolment(tx, { enrolmentId: withdrawn, actorLabel: "seed", now: new Date("2023-08-25T10:00:00Z") });
  }, { timeout: 60_000 });
  // The company's PDF invoice went out in 2023: recorded as sent, not mailed again from the demo.
  await prisma.invoice.updateMany({
    where: { cohortId: { in: [syddjursId, autumnId] }, buyerGln: null, mailedAt: null },
    data: { mailedAt: new Date("2023-08-22T10:00:00Z"), status: "SENT" },
  });
}
