// From enrolments to invoice documents: who is billed for what, and how enrolments are grouped. Pure
// (no database), so the grouping rules are unit-tested and the preview and the issuing share them.
import { totalsOf, type DocumentLine, type InvoiceDocument, type Party } from "./document";

export interface BillableEnrolment {
  id: string;
  personName: string;
  personEmail: string;
  priceOre: number;
  vatRateBp: number;
  organisationId: string | null;
  organisation: { name: string; cvr: string | null; ean: string | null; street: string | null; postalCode: string | null; city: string | null } | null;
  invoiceEan: string | null;
  invoiceCvr: string | null;
  invoiceAttention: string | null;
  invoiceReference: string | null;
  billingName: string | null;
  billingStreet: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  /** Where the buyer wants a PDF invoice; empty: the participant's own e-mail. */
  invoiceEmail: string | null;
}

export interface CohortForInvoicing {
  name: string;
  programmeTitle: string;
  grouping: "PER_ENROLMENT" | "PER_ORGANISATION";
  host: (BillableEnrolment["organisation"] & { id: string }) | null;
}

export interface InvoiceGroup {
  /** Why these enrolments are billed together, e.g. "org:<id>|<ean>|<reference>|<invoice e-mail>". */
  key: string;
  organisationId: string | null;
  buyer: Party;
  buyerReference: string | null;
  /** Where a PDF invoice is mailed when the buyer has no GLN: the first participant's billing contact. */
  buyerEmail: string;
  enrolments: BillableEnrolment[];
  lines: DocumentLine[];
  totals: ReturnType<typeof totalsOf>;
}

/**
 * Groups a cohort's billable enrolments into invoices. In-house cohorts: one invoice to the host.
 * Per organisation: one invoice per organisation, EAN and reference (a municipality pays each
 * department's EAN separately, and one invoice carries one order reference), and for a PDF buyer per
 * invoice e-mail too (each participant was told where their invoice goes). Enrolments without an
 * organisation are always invoiced one by one.
 */
export function groupInvoices(cohort: CohortForInvoicing, enrolments: BillableEnrolment[]): InvoiceGroup[] {
  const groups = new Map<string, BillableEnrolment[]>();
  for (const e of enrolments) {
    const key = cohort.host
      ? `host:${cohort.host.id}`
      : cohort.grouping === "PER_ORGANISATION" && e.organisationId
        ? `org:${e.organisationId}|${e.invoiceEan ?? ""}|${e.invoiceReference ?? ""}|${e.invoiceEan ? "" : (e.invoiceEmail ?? "")}`
        : `enrolment:${e.id}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()].map(([key, members]) => {
    const first = members[0]!;
    const lines: DocumentLine[] = members.map((e, i) => ({
      id: String(i + 1),
      name: `${cohort.programmeTitle}, ${cohort.name}`,
      note: `Deltager: ${e.personName}`,
      quantity: 1,
      unitPriceOre: e.priceOre,
      netOre: e.priceOre,
      vatRateBp: e.vatRateBp,
    }));
    const org = cohort.host ?? first.organisation;
    const withEan = members.find((e) => e.invoiceEan);
    const withAttention = members.find((e) => e.invoiceAttention);
    const withReference = members.find((e) => e.invoiceReference);
    const buyerEmail = members.find((e) => e.invoiceEmail)?.invoiceEmail || first.personEmail;
    const buyer: Party = {
      name: (cohort.host ? cohort.host.name : first.billingName || org?.name) || first.personName,
      endpointGln: (cohort.host ? cohort.host.ean || withEan?.invoiceEan : first.invoiceEan) || null,
      cvr: (cohort.host ? cohort.host.cvr : first.invoiceCvr || org?.cvr) || null,
      address: {
        street: (cohort.host ? cohort.host.street : first.billingStreet || org?.street) || "",
        postalCode: (cohort.host ? cohort.host.postalCode : first.billingPostalCode || org?.postalCode) || "",
        city: (cohort.host ? cohort.host.city : first.billingCity || org?.city) || "",
        countryCode: "DK",
      },
      contact: { id: (withAttention ?? first).invoiceAttention || null, name: (withAttention ?? first).invoiceAttention || null, email: buyerEmail },
    };
    return {
      key,
      organisationId: cohort.host?.id ?? first.organisationId,
      buyer,
      buyerReference: (cohort.host ? withReference?.invoiceReference : first.invoiceReference) || null,
      buyerEmail,
      enrolments: members,
      lines,
      totals: totalsOf(lines),
    };
  });
}

export interface SellerSnapshot {
  legalName: string;
  cvr: string;
  street: string;
  postalCode: string;
  city: string;
  gln: string;
  bankRegNo: string;
  bankAccountNo: string;
  contactEmail: string;
  paymentTermsDays: number;
}

/** Adds days to a YYYY-MM-DD date (calendar days; no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The invoice document for one group, as issued: everything copied, nothing referring to live rows. */
export function invoiceDocument(group: InvoiceGroup, seller: SellerSnapshot, number: string, issueDate: string): InvoiceDocument {
  return {
    kind: "INVOICE",
    number,
    issueDate,
    dueDate: addDays(issueDate, seller.paymentTermsDays),
    currency: "DKK",
    note: `Betalingsbetingelser: netto ${seller.paymentTermsDays} dage. Angiv fakturanummeret ved betaling.`,
    buyerReference: group.buyerReference,
    billingReference: null,
    seller: {
      name: seller.legalName,
      endpointGln: seller.gln,
      cvr: seller.cvr,
      address: { street: seller.street, postalCode: seller.postalCode, city: seller.city, countryCode: "DK" },
      contact: { email: seller.contactEmail, name: seller.legalName },
    },
    buyer: group.buyer,
    payment: { bankRegNo: seller.bankRegNo, accountNo: seller.bankAccountNo, paymentId: number },
    lines: group.lines,
    totals: group.totals,
  };
}

/** A credit note for some of an invoice's lines: the invoice's parties as issued, referring to it. */
export function creditNoteDocument(invoice: InvoiceDocument, lineIds: string[], number: string, issueDate: string): InvoiceDocument {
  const lines = invoice.lines.filter((l) => lineIds.includes(l.id)).map((l, i) => ({ ...l, id: String(i + 1) }));
  return {
    ...invoice,
    kind: "CREDIT_NOTE",
    number,
    issueDate,
    dueDate: null,
    note: `Kreditering af faktura ${invoice.number}.`,
    billingReference: { number: invoice.number, issueDate: invoice.issueDate },
    payment: { ...invoice.payment, paymentId: number },
    lines,
    totals: totalsOf(lines),
  };
}
