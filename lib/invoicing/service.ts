import "server-only";
import { actor, audit } from "../audit";
import { db, type Tx } from "../db";
import { txOptions } from "../db/bounded";
import type { InvoiceKind, Prisma } from "../generated/prisma/client";
import { lockCohort } from "../enrolment/seat";
import { localDateIso } from "../time";
import { creditNoteDocument, groupInvoices, invoiceDocument, type BillableEnrolment, type CohortForInvoicing, type InvoiceGroup, type SellerSnapshot } from "./build";
import type { InvoiceDocument } from "./document";
import { mailInvoicePdf } from "./mail";
import { invoicePdf } from "./pdf";
import { oioublProblems } from "./oioubl";
import { FormError } from "../errors";
import { sellerProblems, type SellerConfigInput } from "./schemas";

// Invoices as records: numbers from gapless series, issued per cohort in one transaction, credited
// when an invoiced enrolment is cancelled or moved. Authorization is the callers' (the admin area
// checks "invoice:issue" before calling); the enrolment services call creditEnrolment in theirs.

/** An expected refusal (incomplete seller details, unknown invoice): its Danish message is shown as it is. */
export class InvoicingError extends FormError {
  constructor(message: string) {
    super(message);
    this.name = "InvoicingError";
  }
}

/** Enrolment statuses that are billed: a seat taken and accepted. */
const BILLED_STATUSES = ["CONFIRMED", "COMPLETED"] as const;

export async function sellerConfig(tx: Tx | typeof db = db) {
  return (await tx.sellerConfig.findUnique({ where: { id: "seller" } })) ?? (await tx.sellerConfig.upsert({ where: { id: "seller" }, update: {}, create: { id: "seller" } }));
}

export async function saveSellerConfig(input: SellerConfigInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const before = await sellerConfig(tx);
    const after = await tx.sellerConfig.update({ where: { id: "seller" }, data: { ...input, isDemo: false } });
    await audit(tx, { actorUserId, action: "seller_config.updated", entityType: "SellerConfig", entityId: "seller", before: strip(before), after: strip(after) });
  }, txOptions());
}

const strip = (c: object) => Object.fromEntries(Object.entries(c).filter(([k]) => !["createdAt", "updatedAt", "id"].includes(k))) as Prisma.InputJsonObject;

/**
 * The next number of a series: one statement that creates or bumps the (kind, year) counter and returns
 * it. The row stays locked until the issuing transaction ends, so concurrent issuers queue here, and a
 * rolled-back issue leaves no gap.
 */
export async function nextNumber(tx: Tx, kind: InvoiceKind, year: number, prefix: string): Promise<{ number: string; sequence: number }> {
  const [row] = await tx.$queryRaw<Array<{ lastValue: number }>>`
    INSERT INTO "InvoiceCounter" (kind, year, "lastValue", "createdAt", "updatedAt")
    VALUES (${kind}::"InvoiceKind", ${year}, 1, now(), now())
    ON CONFLICT (kind, year) DO UPDATE SET "lastValue" = "InvoiceCounter"."lastValue" + 1, "updatedAt" = now()
    RETURNING "lastValue"`;
  const sequence = Number(row!.lastValue);
  return { sequence, number: `${prefix}${year}-${String(sequence).padStart(4, "0")}` };
}

/** The root of a substitution chain: a colleague's seat is billed on the invoice of the one they replaced. */
function rootOf(id: string, replaces: Map<string, string | null>): string {
  let cur = id;
  for (let i = 0; i < 50 && replaces.get(cur); i++) cur = replaces.get(cur)!;
  return cur;
}

async function cohortForInvoicing(tx: Tx | typeof db, cohortId: string) {
  const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, include: { programme: true, hostOrganisation: true } });
  if (!cohort) throw new InvoicingError("Holdet findes ikke.");
  const all = await tx.enrolment.findMany({
    where: { cohortId },
    include: { person: true, organisation: true, invoiceLines: { select: { kind: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const replaces = new Map(all.map((e) => [e.id, e.replacesId]));
  const invoiced = new Set(all.filter((e) => e.invoiceLines.some((l) => l.kind === "INVOICE")).map((e) => e.id));
  const billable: BillableEnrolment[] = all
    .filter((e) => (BILLED_STATUSES as readonly string[]).includes(e.status) && !invoiced.has(rootOf(e.id, replaces)))
    .map((e) => ({ ...e, personName: e.person.name, personEmail: e.person.email }));
  const c: CohortForInvoicing = {
    name: cohort.name,
    programmeTitle: cohort.programme.title,
    grouping: cohort.programme.invoiceGrouping,
    host: cohort.hostOrganisation,
  };
  return { cohort, groups: groupInvoices(c, billable), replaces };
}

/**
 * What would keep a group's e-invoice from being accepted (buyers with a GLN only): checked on a draft
 * of its document before a number is spent on it. Such a group waits until its details are corrected.
 */
function groupProblems(group: InvoiceGroup, seller: SellerSnapshot): string[] {
  if (!group.buyer.endpointGln) return [];
  return oioublProblems(invoiceDocument(group, seller, "KLADDE", "2000-01-01")).filter((p) => !p.startsWith("Sælger"));
}

export type PreviewGroup = InvoiceGroup & { problems: string[] };

/** What "Udsted fakturaer" would issue now: the groups with their lines, totals and problems, and what blocks it all. */
export async function previewCohortInvoices(cohortId: string): Promise<{ groups: PreviewGroup[]; problems: string[] }> {
  const { groups } = await cohortForInvoicing(db, cohortId);
  const seller = await sellerConfig();
  return { groups: groups.map((g) => ({ ...g, problems: groupProblems(g, seller) })), problems: sellerProblems(seller) };
}

/**
 * Issues every invoice the cohort still lacks, in one transaction: numbers, snapshots and audit
 * entries. Running it again issues nothing new; the cohort's row lock makes two clicks queue, and
 * InvoiceLine's unique (enrolmentId, kind) would refuse a double anyway. No PDF is rendered while the
 * lock is held: buyers without GLN get theirs from sendDueInvoicePdfs, a jobs step, right after.
 */
export async function issueCohortInvoices(params: { cohortId: string; actorUserId?: string | null; now?: Date }): Promise<{ invoiceIds: string[]; waiting: number }> {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    if (!(await lockCohort(tx, params.cohortId))) throw new InvoicingError("Holdet findes ikke.");
    const seller = await sellerConfig(tx);
    const problems = sellerProblems(seller);
    if (problems.length) throw new InvoicingError(problems.join(" "));
    const { groups } = await cohortForInvoicing(tx, params.cohortId);
    const issueDate = localDateIso(now);
    const year = Number(issueDate.slice(0, 4));
    const invoiceIds: string[] = [];
    const ready = groups.filter((g) => groupProblems(g, seller).length === 0);
    for (const g of ready) {
      const { number, sequence } = await nextNumber(tx, "INVOICE", year, seller.invoicePrefix);
      const doc = invoiceDocument(g, seller, number, issueDate);
      const invoice = await storeDocument(tx, doc, { year, sequence, cohortId: params.cohortId, organisationId: g.organisationId, buyerEmail: g.buyerEmail, creditsId: null });
      await tx.invoiceLine.createMany({
        data: g.enrolments.map((e, i) => ({ invoiceId: invoice.id, kind: "INVOICE" as const, enrolmentId: e.id, lineId: String(i + 1), netOre: e.priceOre, vatRateBp: e.vatRateBp })),
      });
      await audit(tx, {
        ...actor(params.actorUserId),
        action: "invoice.issued",
        entityType: "Invoice",
        entityId: invoice.id,
        after: { number, buyer: doc.buyer.name, grossOre: doc.totals.grossOre, enrolmentIds: g.enrolments.map((e) => e.id) },
      });
      invoiceIds.push(invoice.id);
    }
    return { invoiceIds, waiting: groups.length - ready.length };
  }, txOptions());
}

async function storeDocument(
  tx: Tx,
  doc: InvoiceDocument,
  extra: { year: number; sequence: number; cohortId: string; organisationId: string | null; buyerEmail: string | null; creditsId: string | null },
) {
  return tx.invoice.create({
    data: {
      kind: doc.kind,
      number: doc.number,
      year: extra.year,
      sequence: extra.sequence,
      status: "ISSUED",
      cohortId: extra.cohortId,
      organisationId: extra.organisationId,
      creditsId: extra.creditsId,
      issueDate: new Date(`${doc.issueDate}T00:00:00Z`),
      dueDate: doc.dueDate ? new Date(`${doc.dueDate}T00:00:00Z`) : null,
      buyerName: doc.buyer.name,
      buyerGln: doc.buyer.endpointGln || null,
      buyerEmail: extra.buyerEmail,
      netOre: doc.totals.netOre,
      vatOre: doc.totals.vatOre,
      grossOre: doc.totals.grossOre,
      currency: doc.currency,
      document: doc as unknown as Prisma.InputJsonObject,
    },
  });
}

/**
 * Mails the PDF of every issued invoice and credit note whose buyer has no GLN (buyers with one fetch
 * the OIOUBL file: download or export), a jobs step. The PDF is rendered outside any transaction, so
 * issuing and the cancellations that credit hold their cohort's lock only for the records; then the
 * mail is written, the document marked mailed and an issued one counted as sent, together. Claiming
 * by `mailedAt` and the dedupeKey make a step run twice, or by two instances at once, send one mail.
 */
export async function sendDueInvoicePdfs(now = new Date(), batch = 20): Promise<number> {
  const due = await db.invoice.findMany({
    where: { buyerGln: null, buyerEmail: { not: null }, mailedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: batch,
    select: { id: true, buyerEmail: true, document: true },
  });
  let sent = 0;
  for (const inv of due) {
    const doc = inv.document as unknown as InvoiceDocument;
    const pdf = await invoicePdf(doc);
    await db.$transaction(async (tx) => {
      const claimed = await tx.invoice.updateMany({ where: { id: inv.id, mailedAt: null }, data: { mailedAt: now } });
      if (claimed.count === 0) return;
      await mailInvoicePdf(tx, inv.id, doc, inv.buyerEmail!, pdf);
      await tx.invoice.updateMany({ where: { id: inv.id, status: "ISSUED" }, data: { status: "SENT" } });
      sent++;
    }, txOptions());
  }
  return sent;
}

/**
 * Credits an enrolment's invoice line, inside the caller's transaction (cancellation or move). Does
 * nothing when the enrolment (or the one a colleague took over from) was never invoiced or is already
 * credited. The credit note copies the invoice's parties as issued and refers to it.
 */
export async function creditEnrolment(tx: Tx, params: { enrolmentId: string; actorUserId?: string | null; actorLabel?: string | null; now?: Date }): Promise<string | null> {
  const now = params.now ?? new Date();
  let id: string | null = params.enrolmentId;
  let line = null;
  for (let i = 0; id && i < 50 && !line; i++) {
    line = await tx.invoiceLine.findUnique({ where: { enrolmentId_kind: { enrolmentId: id, kind: "INVOICE" } }, include: { invoice: true } });
    if (!line) id = (await tx.enrolment.findUnique({ where: { id }, select: { replacesId: true } }))?.replacesId ?? null;
  }
  if (!line) return null;
  if (await tx.invoiceLine.findUnique({ where: { enrolmentId_kind: { enrolmentId: line.enrolmentId, kind: "CREDIT_NOTE" } } })) return null;
  const invoiceDoc = line.invoice.document as unknown as InvoiceDocument;
  const seller = await sellerConfig(tx);
  const issueDate = localDateIso(now);
  const year = Number(issueDate.slice(0, 4));
  const { number, sequence } = await nextNumber(tx, "CREDIT_NOTE", year, seller.creditNotePrefix);
  const doc = creditNoteDocument(invoiceDoc, [line.lineId], number, issueDate);
  const note = await storeDocument(tx, doc, {
    year, sequence, cohortId: line.invoice.cohortId, organisationId: line.invoice.organisationId, buyerEmail: line.invoice.buyerEmail, creditsId: line.invoice.id,
  });
  await tx.invoiceLine.create({ data: { invoiceId: note.id, kind: "CREDIT_NOTE", enrolmentId: line.enrolmentId, lineId: "1", netOre: line.netOre, vatRateBp: line.vatRateBp } });
  const by = actor(params.actorUserId, params.actorLabel ?? "system");
  await audit(tx, { ...by, action: "invoice.credited", entityType: "Invoice", entityId: note.id, after: { number, credits: line.invoice.number, enrolmentId: line.enrolmentId, grossOre: doc.totals.grossOre } });
  const [lines, credited] = await Promise.all([
    tx.invoiceLine.count({ where: { invoiceId: line.invoiceId } }),
    tx.invoiceLine.count({ where: { kind: "CREDIT_NOTE", invoice: { creditsId: line.invoiceId } } }),
  ]);
  if (credited >= lines && line.invoice.status !== "CREDITED") {
    await tx.invoice.update({ where: { id: line.invoiceId }, data: { status: "CREDITED" } });
    await audit(tx, { ...by, action: "invoice.status_changed", entityType: "Invoice", entityId: line.invoiceId, before: { status: line.invoice.status }, after: { status: "CREDITED" } });
  }
  return note.id;
}

/** Records that an invoice has been paid (from the bank statement). */
export async function markInvoicePaid(params: { invoiceId: string; actorUserId: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({ where: { id: params.invoiceId } });
    if (!inv || inv.kind !== "INVOICE") throw new InvoicingError("Fakturaen findes ikke.");
    if (!["ISSUED", "SENT"].includes(inv.status)) throw new InvoicingError("Kun en udstedt eller sendt faktura kan markeres som betalt.");
    await tx.invoice.update({ where: { id: inv.id }, data: { status: "PAID", paidAt: params.now ?? new Date() } });
    await audit(tx, { actorUserId: params.actorUserId, action: "invoice.status_changed", entityType: "Invoice", entityId: inv.id, before: { status: inv.status }, after: { status: "PAID" } });
  }, txOptions());
}

/** The cohort's invoices and credit notes, newest series number last, for the Fakturering section. */
export async function cohortInvoices(cohortId: string) {
  return db.invoice.findMany({
    where: { cohortId },
    select: { id: true, kind: true, number: true, status: true, issueDate: true, dueDate: true, buyerName: true, buyerGln: true, netOre: true, vatOre: true, grossOre: true, credits: { select: { number: true } } },
    orderBy: [{ kind: "asc" }, { year: "asc" }, { sequence: "asc" }],
  });
}
