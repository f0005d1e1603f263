import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { seedSellerConfig } from "@/prisma/seed/invoicing";
import { currentTestDb } from "@/tests/helpers/test-db";
import { validateOioubl } from "@/tests/helpers/oioubl";
import { pdfText } from "@/tests/helpers/pdf-text";
import { cancelEnrolment, moveEnrolment, updateEnrolmentDetails } from "../enrolment/admin";
import { registerSubstitution } from "../enrolment/manage";
import { AdminEnrolmentEditSchema, ColleagueSchema, EnrolmentSchema } from "../enrolment/schemas";
import { enrol } from "../enrolment/service";
import type { InvoiceDocument } from "./document";
import { applyRetention, retentionDryRun } from "../privacy/retention";
import { issueDueInvoices } from "./auto";
import { invoiceFile } from "./queries";
import { issueCohortInvoices, markInvoicePaid, previewCohortInvoices, saveSellerConfig, sendDueInvoicePdfs } from "./service";
import { SellerConfigSchema } from "./schemas";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");
const ISSUE = new Date("2027-01-05T10:00:00Z");
const privateCo = (n: string, over: Record<string, unknown> = {}) =>
  EnrolmentSchema.parse(applicant(n, { orgType: "PRIVATE", municipalityCode: "", ean: "", organisationName: `Firma ${n} ApS`, cvr: "12345674", billingStreet: "Gaden 1", billingPostalCode: "8000", billingCity: "Aarhus C", invoiceAttention: "Bogholderiet", invoiceReference: "", ...over }));
/** A municipal applicant as the public form takes them: EAN, attention person, reference and invoice address. */
const municipal = (n: string, over: Record<string, unknown> = {}) => EnrolmentSchema.parse(applicant(n, over));

async function admin(tag: string) {
  return prisma.user.create({ data: { email: `inv-${tag}@stillads.invalid`, name: "Adm", role: "ADMIN", passwordHash: "x" } });
}
async function cohortWith(inputs: ReturnType<typeof municipal>[], grouping: "PER_ENROLMENT" | "PER_ORGANISATION" = "PER_ORGANISATION") {
  const f = await createCohortFixture(prisma);
  await prisma.programme.update({ where: { id: f.programme.id }, data: { invoiceGrouping: grouping } });
  const ids: string[] = [];
  for (const i of inputs) ids.push((await enrol({ cohortId: f.cohort.id, input: i, now: NOW })).enrolmentId);
  return { ...f, ids };
}
const invoicesOf = (cohortId: string) => prisma.invoice.findMany({ where: { cohortId }, include: { lines: true }, orderBy: [{ kind: "asc" }, { sequence: "asc" }] });

describe("invoicing", () => {
  it("refuses to issue while the seller configuration is incomplete, and stores nothing", async () => {
    await prisma.sellerConfig.upsert({ where: { id: "seller" }, update: { cvr: "", gln: "" }, create: { id: "seller" } });
    const { cohort } = await cohortWith([municipal("inc-1")]);
    await expect(issueCohortInvoices({ cohortId: cohort.id, now: ISSUE })).rejects.toThrow(/Sælgeroplysningerne mangler: .*CVR-nummer.*eget GLN-nummer/);
    expect(await prisma.invoice.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect((await previewCohortInvoices(cohort.id)).problems).toHaveLength(1);
    expect(SellerConfigSchema.safeParse({ gln: "5790000000006", invoicePrefix: "F", creditNotePrefix: "K", paymentTermsDays: 30 }).error?.issues[0]?.message).toBe(
      "GLN-nummeret er ikke gyldigt – kontrollér cifrene",
    );
  });

  it("groups per organisation, EAN and reference; issues once; numbers F<year>-0001… with no gaps; due date from the terms", async () => {
    await seedSellerConfig(prisma, { paymentTermsDays: 14 });
    const { cohort, ids } = await cohortWith([municipal("g-1"), municipal("g-2"), municipal("g-3", { invoiceReference: "PO-2" }), privateCo("g-4")]);
    const before = await prisma.invoice.count({ where: { kind: "INVOICE", year: 2027 } });
    const preview = await previewCohortInvoices(cohort.id);
    expect(preview.groups.map((g) => g.enrolments.length).sort()).toEqual([1, 1, 2]);
    const { invoiceIds } = await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    expect(invoiceIds).toHaveLength(3);
    const stored = await invoicesOf(cohort.id);
    expect(stored.map((i) => i.sequence)).toEqual([before + 1, before + 2, before + 3]);
    expect(stored[0]).toMatchObject({ number: `F2027-${String(before + 1).padStart(4, "0")}`, buyerGln: "5798000416604", netOre: 2 * 1_295_000, vatOre: 2 * 323_750, status: "ISSUED" });
    expect(stored[0]!.dueDate!.toISOString().slice(0, 10)).toBe("2027-01-19");
    expect(stored[0]!.lines.map((l) => l.enrolmentId)).toEqual([ids[0], ids[1]]);
    // The private company has no GLN: issuing rendered no PDF and wrote no mail (the cohort's lock is
    // held only for the records); the jobs step mails it, once, and then it counts as sent.
    const priv = stored.find((i) => !i.buyerGln)!;
    expect([priv.status, priv.mailedAt]).toEqual(["ISSUED", null]);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { in: invoiceIds.map((id) => `invoice-pdf:${id}`) } } })).toBe(0);
    const [first, second] = await Promise.all([sendDueInvoicePdfs(ISSUE), sendDueInvoicePdfs(ISSUE)]);
    expect(first + second).toBe(1);
    expect(await sendDueInvoicePdfs(ISSUE)).toBe(0);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: priv.id } })).toMatchObject({ status: "SENT", mailedAt: ISSUE });
    expect(await prisma.invoice.findMany({ where: { id: { in: invoiceIds }, buyerGln: { not: null } }, select: { status: true, mailedAt: true } })).toEqual([{ status: "ISSUED", mailedAt: null }, { status: "ISSUED", mailedAt: null }]);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `invoice-pdf:${priv.id}` } })).toBe(1);
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `invoice-pdf:${priv.id}` } });
    expect(mail.toAddress).toBe("ansoeger-g-4@kommune.example");
    const att = (mail.attachments as Array<{ filename: string; content: string }>)[0]!;
    expect(att.filename).toBe(`faktura-${priv.number}.pdf`);
    expect((await pdfText(Buffer.from(att.content, "base64"))).text).toMatch(new RegExp(`Faktura ${priv.number}[\\s\\S]*Firma g-4 ApS[\\s\\S]*At betale`));
    // Again: nothing new; the database refuses a second invoice line for the same enrolment.
    expect((await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE })).invoiceIds).toEqual([]);
    await expect(prisma.invoiceLine.create({ data: { invoiceId: priv.id, kind: "INVOICE", enrolmentId: ids[0]!, lineId: "9", netOre: 1, vatRateBp: 2500 } })).rejects.toThrow();
    expect(await prisma.auditLog.count({ where: { action: "invoice.issued", entityId: { in: invoiceIds } } })).toBe(3);
  });

  it("one invoice per enrolment when the programme says so; an in-house cohort is one invoice to its host", async () => {
    await seedSellerConfig(prisma);
    const per = await cohortWith([municipal("p-1"), municipal("p-2")], "PER_ENROLMENT");
    await issueCohortInvoices({ cohortId: per.cohort.id, now: ISSUE });
    expect((await invoicesOf(per.cohort.id)).map((i) => i.lines.length)).toEqual([1, 1]);
    const host = await prisma.organisation.create({ data: { name: "Vært Kommune", kind: "MUNICIPALITY", ean: "5798000416604", street: "Torvet 1", postalCode: "8400", city: "Ebeltoft" } });
    const inhouse = await cohortWith([municipal("h-1"), privateCo("h-2")], "PER_ENROLMENT");
    await prisma.cohort.update({ where: { id: inhouse.cohort.id }, data: { hostOrganisationId: host.id } });
    await issueCohortInvoices({ cohortId: inhouse.cohort.id, now: ISSUE });
    const [one, ...rest] = await invoicesOf(inhouse.cohort.id);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ buyerName: "Vært Kommune", buyerGln: "5798000416604", organisationId: host.id });
    expect(one!.lines).toHaveLength(2);
  });

  it("concurrent issuing never skips or repeats a number", async () => {
    await seedSellerConfig(prisma);
    const cohorts = await Promise.all([1, 2, 3, 4, 5].map((n) => cohortWith([municipal(`c${n}-1`), municipal(`c${n}-2`)], "PER_ENROLMENT")));
    const before = await prisma.invoice.count({ where: { kind: "INVOICE", year: 2027 } });
    await Promise.all(cohorts.map((c) => issueCohortInvoices({ cohortId: c.cohort.id, now: ISSUE })));
    const all = await prisma.invoice.findMany({ where: { kind: "INVOICE", year: 2027 }, orderBy: { sequence: "asc" } });
    expect(all.map((i) => i.sequence)).toEqual(Array.from({ length: before + 10 }, (_, i) => i + 1));
    expect((await prisma.invoiceCounter.findUniqueOrThrow({ where: { kind_year: { kind: "INVOICE", year: 2027 } } })).lastValue).toBe(before + 10);
  });

  it("an issued invoice keeps its buyer, lines and seller when the enrolment, organisation or seller configuration change", async () => {
    await seedSellerConfig(prisma);
    const a = await admin("snap");
    const { cohort, ids } = await cohortWith([municipal("s-1")]);
    await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    const [inv] = await invoicesOf(cohort.id);
    const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: ids[0] } });
    await updateEnrolmentDetails({ enrolmentId: ids[0]!, input: AdminEnrolmentEditSchema.parse({ invoiceEan: "4006381333931", invoiceAttention: "Ny person", invoiceReference: "PO-NY" }), actorUserId: a.id });
    await prisma.organisation.update({ where: { id: e.organisationId! }, data: { name: "Omdøbt Kommune" } });
    await prisma.enrolment.update({ where: { id: ids[0] }, data: { priceOre: 1 } });
    await saveSellerConfig(SellerConfigSchema.parse({ legalName: "Ny Sælger A/S", invoicePrefix: "X", creditNotePrefix: "Y", paymentTermsDays: 8 }), a.id);
    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: inv!.id } });
    expect(after.document).toEqual(inv!.document);
    const doc = after.document as unknown as InvoiceDocument;
    expect(doc.buyer).toMatchObject({ endpointGln: "5798000416604", contact: { id: "Økonomi" } });
    expect(doc.buyerReference).toBe("PO-1");
    expect(doc.seller.name).toBe("Stillads Kursusdrift ApS (demo)");
    expect(doc.totals.grossOre).toBe(1_618_750);
  });

  it("cancelling or moving an invoiced enrolment issues a credit note referring to the invoice; a colleague taking over does not", async () => {
    await seedSellerConfig(prisma);
    const a = await admin("credit");
    const { cohort, programme, ids } = await cohortWith([municipal("k-1"), municipal("k-2"), municipal("k-3")], "PER_ENROLMENT");
    const other = await prisma.cohort.create({
      data: { programmeId: programme.id, slug: "andet-k", name: "Andet hold", status: "PUBLISHED", capacity: 5, enrolmentOpensAt: new Date("2026-01-01"), enrolmentClosesAt: new Date("2027-08-01") },
    });
    // Not yet invoiced: cancelling credits nothing.
    const early = await enrol({ cohortId: cohort.id, input: municipal("k-0"), now: NOW });
    await cancelEnrolment({ enrolmentId: early.enrolmentId, reason: "Syg", actorUserId: a.id, now: NOW });
    await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    const invoices = await invoicesOf(cohort.id);
    expect(invoices).toHaveLength(3);
    const invoiceOf = (id: string) => invoices.find((i) => i.lines[0]!.enrolmentId === id)!;

    const colleague = ColleagueSchema.parse({ name: "Kollega K", email: "kollega-k@kommune.example", phone: "12345678", jobTitle: "Konsulent" });
    const sub = await registerSubstitution(ids[0]!, colleague, a.id, NOW);
    expect(await prisma.invoice.count({ where: { kind: "CREDIT_NOTE", cohortId: cohort.id } })).toBe(0);
    // The colleague's seat is on the first invoice already: nothing more to issue.
    expect((await previewCohortInvoices(cohort.id)).groups).toEqual([]);

    await cancelEnrolment({ enrolmentId: ids[1]!, reason: "Stillingen nedlagt", actorUserId: a.id, now: ISSUE });
    await moveEnrolment({ enrolmentId: ids[2]!, targetCohortId: other.id, actorUserId: a.id, now: ISSUE });
    // Cancelling the colleague credits the line of the person they replaced.
    await cancelEnrolment({ enrolmentId: sub.enrolmentId, reason: "Alligevel ikke", actorUserId: a.id, now: ISSUE });
    const notes = await prisma.invoice.findMany({ where: { kind: "CREDIT_NOTE", cohortId: cohort.id }, include: { lines: true }, orderBy: { sequence: "asc" } });
    expect(notes.map((n) => [n.creditsId, n.lines[0]!.enrolmentId, n.grossOre])).toEqual([
      [invoiceOf(ids[1]!).id, ids[1], 1_618_750],
      [invoiceOf(ids[2]!).id, ids[2], 1_618_750],
      [invoiceOf(ids[0]!).id, ids[0], 1_618_750],
    ]);
    expect(notes[0]!.number).toMatch(/^K2027-\d{4}$/);
    expect((notes[0]!.document as unknown as InvoiceDocument).billingReference).toEqual({ number: invoiceOf(ids[1]!).number, issueDate: "2027-01-05" });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceOf(ids[1]!).id } })).status).toBe("CREDITED");
    expect(await prisma.auditLog.count({ where: { action: "invoice.credited", entityId: { in: notes.map((n) => n.id) } } })).toBe(3);
  });

  it("public bodies enrolled through the form are ready for an e-invoice at once: the address they gave is the buyer's, and a new organisation keeps it", async () => {
    await seedSellerConfig(prisma);
    const region = `Region Test ${Date.now().toString(36)}`;
    const { cohort, ids } = await cohortWith(
      [municipal("pb-1"), municipal("pb-2", { orgType: "OTHER_PUBLIC", municipalityCode: "", organisationName: region, ean: "5798000000001", billingStreet: "Skottenborg 26", billingPostalCode: "8800", billingCity: "Viborg" })],
      "PER_ENROLMENT",
    );
    expect(await prisma.organisation.findFirstOrThrow({ where: { name: region } })).toMatchObject({ street: "Skottenborg 26", postalCode: "8800", city: "Viborg" });
    const preview = await previewCohortInvoices(cohort.id);
    expect(preview.groups.map((g) => [g.buyer.address.street, g.buyer.address.postalCode, g.buyer.address.city, g.problems])).toEqual([
      ["Lundbergsvej 2", "8400", "Ebeltoft", []],
      ["Skottenborg 26", "8800", "Viborg", []],
    ]);
    const { invoiceIds, waiting } = await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    expect([invoiceIds.length, waiting]).toEqual([2, 0]);
    for (const id of invoiceIds) {
      const v = await validateOioubl(strFromU8((await invoiceFile(id, "xml"))!.body));
      expect({ xsd: v.xsdErrors, schematron: v.schematronErrors }).toEqual({ xsd: [], schematron: [] });
    }
    expect((await invoicesOf(cohort.id)).map((i) => i.lines[0]!.enrolmentId)).toEqual(ids);
  }, 60_000);

  it("a company's PDF invoice goes to the e-mail it gave for invoices, also when a colleague took the seat; a public body's stray one is not kept", async () => {
    await seedSellerConfig(prisma);
    const a = await admin("mailto");
    const { cohort, ids } = await cohortWith(
      [privateCo("m-1", { invoiceEmail: "Bogholderi@Firma-m.example" }), privateCo("m-2", { cvr: "10150817", organisationName: "Andet m ApS" }), municipal("m-3", { invoiceEmail: "kommune@kommune.example" })],
      "PER_ENROLMENT",
    );
    expect((await prisma.enrolment.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } })).map((e) => e.invoiceEmail)).toEqual(["bogholderi@firma-m.example", null, null]);
    const colleague = ColleagueSchema.parse({ name: "Kollega M", email: "kollega-m@firma-m.example", phone: "12345678", jobTitle: "Konsulent" });
    const sub = await registerSubstitution(ids[0]!, colleague, a.id, NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: sub.enrolmentId } })).toMatchObject({ invoiceEmail: "bogholderi@firma-m.example", billingStreet: "Gaden 1", invoiceCvr: "12345674" });

    const preview = await previewCohortInvoices(cohort.id);
    expect(preview.groups.map((g) => g.buyerEmail).sort()).toEqual(["ansoeger-m-2@kommune.example", "ansoeger-m-3@kommune.example", "bogholderi@firma-m.example"]);
    const { invoiceIds } = await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    await sendDueInvoicePdfs(ISSUE);
    const mails = await prisma.outboxMessage.findMany({ where: { dedupeKey: { in: invoiceIds.map((id) => `invoice-pdf:${id}`) } } });
    // Two PDF invoices (the municipality's goes to its EAN number as an e-invoice).
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["ansoeger-m-2@kommune.example", "bogholderi@firma-m.example"]);
    // The colleague cancels after all: the credit note is mailed the same way, to the same address.
    await cancelEnrolment({ enrolmentId: sub.enrolmentId, reason: "Alligevel ikke", actorUserId: a.id, now: ISSUE });
    const note = await prisma.invoice.findFirstOrThrow({ where: { kind: "CREDIT_NOTE", cohortId: cohort.id } });
    expect([note.buyerEmail, note.mailedAt]).toEqual(["bogholderi@firma-m.example", null]);
    expect(await sendDueInvoicePdfs(ISSUE)).toBe(1);
    const noteMail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `invoice-pdf:${note.id}` } });
    expect([noteMail.toAddress, (noteMail.attachments as Array<{ filename: string }>)[0]!.filename]).toEqual(["bogholderi@firma-m.example", `kreditnota-${note.number}.pdf`]);
  });

  it("per organisation, a company's participants who name different invoice e-mails get an invoice each, sent where each was told", async () => {
    await seedSellerConfig(prisma);
    const { cohort } = await cohortWith([
      privateCo("d-1", { cvr: "24256790", invoiceEmail: "bogholderi@firma-d.example" }),
      privateCo("d-2", { cvr: "24256790", invoiceEmail: "bogholderi@firma-d.example" }),
      privateCo("d-3", { cvr: "24256790", invoiceEmail: "afdeling@firma-d.example" }),
      privateCo("d-4", { cvr: "24256790" }),
    ]);
    const preview = await previewCohortInvoices(cohort.id);
    expect(preview.groups.map((g) => [g.buyerEmail, g.enrolments.length]).sort()).toEqual([
      ["afdeling@firma-d.example", 1],
      ["ansoeger-d-4@kommune.example", 1],
      ["bogholderi@firma-d.example", 2],
    ]);
  });

  it("an EAN buyer whose e-invoice would be refused waits, with the reason, while the others are issued", async () => {
    await seedSellerConfig(prisma);
    const { cohort, ids } = await cohortWith([municipal("w-1"), privateCo("w-2")], "PER_ENROLMENT");
    await prisma.enrolment.update({ where: { id: ids[0] }, data: { invoiceAttention: null } });
    const preview = await previewCohortInvoices(cohort.id);
    expect(preview.groups.map((g) => g.problems.length)).toEqual([1, 0]);
    expect(preview.groups[0]!.problems[0]).toMatch(/^Attention-person \(kontakt-id\) hos .* mangler/);
    expect(await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE })).toMatchObject({ waiting: 1 });
    expect((await invoicesOf(cohort.id)).map((i) => i.lines[0]!.enrolmentId)).toEqual([ids[1]]);
  });

  it("programmes with automatic invoicing are invoiced by the job once the first day has begun, and only then", async () => {
    await seedSellerConfig(prisma);
    const { cohort, programme } = await cohortWith([municipal("auto-1")]);
    const manual = await cohortWith([municipal("auto-2")]);
    await prisma.programme.update({ where: { id: programme.id }, data: { autoInvoice: true } });
    // The fixture's first day is 2027-09-06 07:00 UTC.
    await issueDueInvoices(new Date("2027-09-06T06:59:00Z"));
    expect(await prisma.invoice.count({ where: { cohortId: cohort.id } })).toBe(0);
    await issueDueInvoices(new Date("2027-09-06T07:00:00Z"));
    await issueDueInvoices(new Date("2027-09-06T08:00:00Z"));
    expect(await prisma.invoice.findMany({ where: { cohortId: cohort.id }, select: { issueDate: true } })).toEqual([{ issueDate: new Date("2027-09-06T00:00:00Z") }]);
    expect(await prisma.auditLog.count({ where: { action: "invoice.issued", actorLabel: "system", entityId: { in: (await invoicesOf(cohort.id)).map((i) => i.id) } } })).toBe(1);
    expect(await prisma.invoice.count({ where: { cohortId: manual.cohort.id } })).toBe(0);
  });

  it("marks an invoice paid, once", async () => {
    await seedSellerConfig(prisma);
    const a = await admin("paid");
    const { cohort } = await cohortWith([municipal("m-1")]);
    const { invoiceIds } = await issueCohortInvoices({ cohortId: cohort.id, now: ISSUE });
    await markInvoicePaid({ invoiceId: invoiceIds[0]!, actorUserId: a.id, now: ISSUE });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceIds[0] } })).toMatchObject({ status: "PAID", paidAt: ISSUE });
    await expect(markInvoicePaid({ invoiceId: invoiceIds[0]!, actorUserId: a.id })).rejects.toThrow("Kun en udstedt eller sendt faktura kan markeres som betalt.");
  });

  it("the retention run deletes invoices 5 years after the end of the financial year they were issued in, and no others", async () => {
    await seedSellerConfig(prisma);
    const old = await cohortWith([municipal("r-1")]);
    await issueCohortInvoices({ cohortId: old.cohort.id, now: new Date("2020-12-31T12:00:00Z") });
    const kept = await cohortWith([municipal("r-2")]);
    await issueCohortInvoices({ cohortId: kept.cohort.id, now: new Date("2021-01-01T12:00:00Z") });
    const now = new Date("2026-01-02T12:00:00Z");
    expect((await retentionDryRun(prisma, now)).invoicingData.invoices).toBe(1);
    await applyRetention(prisma, now);
    expect(await prisma.invoice.count({ where: { cohortId: old.cohort.id } })).toBe(0);
    expect(await prisma.invoice.count({ where: { cohortId: kept.cohort.id } })).toBe(1);
  });
});
