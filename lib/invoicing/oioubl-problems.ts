// What would stop NemHandel or the buyer from accepting an OIOUBL e-invoice that the official
// schematron does not check. Pure: usable by the issuing step, the admin preview and the tests alike.
import { totalsOf, type InvoiceDocument } from "./document";
import { digitsOnly, isValidCvr, isValidEan } from "../organisations/identifiers";

export interface OioublCheckOptions {
  /**
   * The buyer requires its PO number or reference on every invoice (many municipalities reject an
   * invoice without one). Read from the buyer's organisation at issue time; default false.
   */
  requireReference?: boolean;
}

function glnProblem(who: string, gln: string | null | undefined): string | null {
  if (!gln?.trim()) return null;
  const digits = digitsOnly(gln);
  if (!/^\d{13}$/.test(digits)) return `${who}s EAN/GLN-nummer skal være 13 cifre (er "${gln}").`;
  if (!isValidEan(digits)) return `${who}s EAN/GLN-nummer ${digits} har et forkert kontrolciffer; tjek nummeret.`;
  return null;
}

/**
 * What would stop NemHandel or the buyer from accepting the e-invoice and the official schematron does
 * not check: the GLN check digits, the buyer's GLN and attention person (Contact/ID), a PO/reference
 * when the buyer requires one, the seller's bank account and CVR, a credit note's reference to its
 * invoice, and totals that add up. Danish messages for the person issuing; empty means ready to send.
 * The invoicing step calls this before it issues a document to a buyer with an EAN.
 */
export function oioublProblems(doc: InvoiceDocument, options: OioublCheckOptions = {}): string[] {
  const problems: string[] = [];
  const add = (p: string | null) => {
    if (p) problems.push(p);
  };

  if (!doc.seller.endpointGln?.trim()) problems.push("Sælgers eget EAN/GLN-nummer mangler i faktureringsopsætningen.");
  add(glnProblem("Sælger", doc.seller.endpointGln));
  if (!doc.seller.cvr?.trim()) problems.push("Sælgers CVR-nummer mangler i faktureringsopsætningen.");
  else if (!isValidCvr(digitsOnly(doc.seller.cvr).replace(/^DK/i, ""))) problems.push(`Sælgers CVR-nummer ${doc.seller.cvr} er ikke gyldigt.`);

  if (doc.buyer.cvr?.trim() && !isValidCvr(digitsOnly(doc.buyer.cvr).replace(/^DK/i, ""))) problems.push(`Købers CVR-nummer ${doc.buyer.cvr} er ikke gyldigt.`);
  if (!doc.buyer.endpointGln?.trim()) problems.push(`${doc.buyer.name} har intet EAN-nummer, så fakturaen kan ikke sendes som OIOUBL; send den som PDF.`);
  add(glnProblem("Køber", doc.buyer.endpointGln));
  if (!doc.buyer.contact?.id?.trim()) {
    problems.push(`Attention-person (kontakt-id) hos ${doc.buyer.name} mangler; offentlige købere bruger den til at sende fakturaen til rette person.`);
  }
  if (options.requireReference && !doc.buyerReference?.trim()) {
    problems.push(`${doc.buyer.name} kræver et indkøbsordrenummer eller en reference på fakturaen, men der er ingen.`);
  }

  for (const [who, a] of [["Sælgers", doc.seller.address], ["Købers", doc.buyer.address]] as const) {
    if (!a.street.trim() || !a.postalCode.trim() || !a.city.trim()) problems.push(`${who} adresse er ufuldstændig: gade, postnummer og by skal udfyldes.`);
    else if (a.countryCode === "DK" && !/^\d{4}$/.test(a.postalCode.trim())) problems.push(`${who} postnummer skal være 4 cifre (er "${a.postalCode}").`);
  }

  const regNo = digitsOnly(doc.payment.bankRegNo ?? "");
  const accountNo = digitsOnly(doc.payment.accountNo ?? "");
  if (!/^\d{4}$/.test(regNo)) problems.push(`Bankens registreringsnummer skal være 4 cifre (er "${doc.payment.bankRegNo}").`);
  if (!/^\d{1,10}$/.test(accountNo)) problems.push(`Kontonummeret skal være 1-10 cifre (er "${doc.payment.accountNo}").`);
  if (!doc.payment.paymentId?.trim()) problems.push("Betalings-id (fakturanummeret) mangler.");

  if (doc.kind === "CREDIT_NOTE" && !doc.billingReference) problems.push("Kreditnotaen henviser ikke til den faktura, den krediterer.");
  if (doc.lines.length === 0) problems.push("Dokumentet har ingen linjer.");
  for (const l of doc.lines) {
    if (l.netOre !== l.quantity * l.unitPriceOre) problems.push(`Linje ${l.id}: antal × stykpris giver ikke linjens beløb.`);
    if (l.netOre < 0) problems.push(`Linje ${l.id}: beløbet er negativt; en kreditering skal være en kreditnota med positive beløb.`);
  }
  const expected = totalsOf(doc.lines);
  if (
    expected.netOre !== doc.totals.netOre ||
    expected.vatOre !== doc.totals.vatOre ||
    expected.grossOre !== doc.totals.grossOre ||
    JSON.stringify(expected.breakdown) !== JSON.stringify(doc.totals.breakdown)
  ) {
    problems.push("Dokumentets totaler stemmer ikke med linjerne.");
  }
  return problems;
}
