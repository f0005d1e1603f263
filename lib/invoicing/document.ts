// The invoice as a document, independent of how it is stored or sent: the shape of EN 16931's
// semantic model (BT-/BG- numbers in the comments), so that OIOUBL 2.1 (oioubl.ts), a PDF and a later
// Peppol BIS / NemHandel BIS 4 serialiser all read the same thing. Amounts are integer øre; a document
// is built once, at issue time, from the stored invoice and never recomputed from live data.
// Importable from anywhere (no server-only code): types and pure arithmetic only.

export type DocumentKind = "INVOICE" | "CREDIT_NOTE";

/** BG-5 / BG-8: a postal address. */
export interface PostalAddress {
  street: string;
  /** Second address line (BT-36/51), e.g. "Att.: Økonomi" or a building name. */
  additionalStreet?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; Danish buyers and sellers are "DK". */
  countryCode: string;
}

/** BG-9: a contact at a party. */
export interface Contact {
  /** OIOUBL's Contact/ID: the buyer's attention person or department code (required for the buyer). */
  id?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** BG-4 / BG-7: the seller or the buyer. */
export interface Party {
  /** BT-27 / BT-44: the legal name. */
  name: string;
  /** BT-34 / BT-49: electronic address: a 13-digit GLN (EAN location number), schemeID GLN; its GS1
   * check digit is checked with isValidEan (lib/organisations/identifiers.ts). */
  endpointGln?: string | null;
  /** BT-31 / BT-48: the Danish CVR number (8 digits), as "DK12345678" in VAT contexts. */
  cvr?: string | null;
  address: PostalAddress;
  contact?: Contact | null;
}

/** BG-17: payment by credit transfer to a Danish bank account. */
export interface PaymentAccount {
  /** Registreringsnummer, 4 digits. */
  bankRegNo: string;
  /** Kontonummer, up to 10 digits. */
  accountNo: string;
  /** BT-83: the remittance information the buyer quotes (we use the invoice number). */
  paymentId: string;
}

/** BG-25: one invoice line. */
export interface DocumentLine {
  /** BT-126: line id, "1", "2", … */
  id: string;
  /** BT-153: item name, e.g. "Kommunernes Implementeringsuddannelse, Efterår 2027". */
  name: string;
  /** BT-127: line note, e.g. "Deltager: Søren Ærø". */
  note?: string | null;
  /** BT-129: quantity (1 per participant). */
  quantity: number;
  /** BT-146: unit price ex VAT, øre. */
  unitPriceOre: number;
  /** BT-131: quantity × unit price, øre. */
  netOre: number;
  /** BT-152: VAT rate in basis points (2500 = 25 %). */
  vatRateBp: number;
}

/** BG-23: VAT for one rate. */
export interface VatBreakdown {
  vatRateBp: number;
  /** BT-116: the sum of the lines' net amounts at this rate, øre. */
  taxableOre: number;
  /** BT-117: VAT at this rate, øre: round(taxable × rate), half away from zero. */
  vatOre: number;
}

/** BG-22: the document's totals. */
export interface DocumentTotals {
  /** BT-106 / BT-109: sum of line net amounts = total ex VAT, øre. */
  netOre: number;
  /** BT-110: total VAT, øre (sum of the breakdown). */
  vatOre: number;
  /** BT-112 / BT-115: total incl. VAT = amount due, øre. */
  grossOre: number;
  breakdown: VatBreakdown[];
}

export interface InvoiceDocument {
  kind: DocumentKind;
  /** BT-1: the number from the gapless series, with its prefix, e.g. "F2026-0001" / "K2026-0001". */
  number: string;
  /** BT-2: issue date, YYYY-MM-DD in Europe/Copenhagen. */
  issueDate: string;
  /** BT-9: due date, YYYY-MM-DD (invoices only). */
  dueDate?: string | null;
  /** BT-5: "DKK". */
  currency: string;
  /** BT-22: free text note, e.g. the payment terms. */
  note?: string | null;
  /** BT-10 / BT-13: the buyer's PO or reference (OrderReference in OIOUBL), when given. */
  buyerReference?: string | null;
  /** BG-3: for a credit note, the invoice it credits. */
  billingReference?: { number: string; issueDate: string } | null;
  seller: Party & { contact: Contact & { email: string } };
  buyer: Party;
  /** BG-16: payment instructions (invoices and credit notes alike carry the seller's account). */
  payment: PaymentAccount;
  lines: DocumentLine[];
  totals: DocumentTotals;
}

/** VAT on an amount at a rate in basis points, rounded half away from zero to whole øre. */
export function vatOf(netOre: number, vatRateBp: number): number {
  const exact = (netOre * vatRateBp) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/**
 * The totals of a set of lines. VAT is computed per rate on the rate's sum (not per line), which is
 * what EN 16931 (BR-CO-17) and OIOUBL's amount rules check: every total is an exact sum of the parts
 * shown, so a validator that re-adds them finds the same øre.
 */
export function totalsOf(lines: Pick<DocumentLine, "netOre" | "vatRateBp">[]): DocumentTotals {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.vatRateBp, (byRate.get(line.vatRateBp) ?? 0) + line.netOre);
  const breakdown = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, taxableOre]) => ({ vatRateBp, taxableOre, vatOre: vatOf(taxableOre, vatRateBp) }));
  const netOre = breakdown.reduce((s, b) => s + b.taxableOre, 0);
  const vatOre = breakdown.reduce((s, b) => s + b.vatOre, 0);
  return { netOre, vatOre, grossOre: netOre + vatOre, breakdown };
}
