// OIOUBL 2.1 (the Danish public sector's UBL 2.1 customisation, sent through NemHandel to the buyer's
// EAN/GLN) for invoices and credit notes, built from the InvoiceDocument with xmlbuilder2. Element
// order follows the UBL 2.1 XSD sequences exactly (the XSD rejects anything out of order); the
// business rules are those of the official schematron (rule ids in comments, e.g. F-INV127). The
// test suite validates the output against both: lib/invoicing/oioubl.test.ts.
import { createHash } from "node:crypto";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { vatOf, type DocumentLine, type InvoiceDocument, type Party, type PostalAddress } from "./document";
import { digitsOnly } from "../organisations/identifiers";

export { oioublProblems, type OioublCheckOptions } from "./oioubl-problems";

const NS = {
  INVOICE: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  CREDIT_NOTE: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

/** The OIOUBL profile for billing without an electronic order process (codelist profileid-1.6). */
const PROFILE = { id: "Procurement-BilSim-1.0", schemeID: "urn:oioubl:id:profileid-1.6", schemeAgencyID: "320" };
const TAX_SCHEME = { id: "63", name: "Moms" };
/** Bank transfer to a Danish registration + account number (PaymentMeansCode 42, channel DK:BANK). */
const PAYMENT_MEANS_CODE = "42";
/** Each line is one participant's seat: quantity 1 "each" (UN/ECE rec. 20 unit code). */
const UNIT_CODE = "EA";

/** Integer øre as a decimal kroner string with two decimals: 123456 → "1234.56". Exact, no floats. */
export function oreToAmount(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new Error(`Beløb skal være hele øre: ${ore}`);
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A rate in basis points as OIOUBL's Percent: 2500 → "25", 1250 → "12.5". */
function percentOf(vatRateBp: number): string {
  return String(vatRateBp / 100);
}

/**
 * A stable UUID per document (name-based, RFC 4122 version 5 layout over SHA-1), so exporting the same
 * issued invoice twice gives byte-identical XML and NemHandel sees the same document identity.
 */
export function documentUuid(kind: InvoiceDocument["kind"], sellerId: string, number: string): string {
  const h = createHash("sha1").update(`stillads:${kind}:${sellerId}:${number}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The seller's CVR as OIOUBL writes it in DK:CVR / DK:SE identifiers: "DK12345678". */
function dkCvr(cvr: string): string {
  const digits = digitsOnly(cvr).replace(/^DK/i, "");
  return `DK${digits}`;
}

function amount(parent: XMLBuilder, name: string, ore: number, currency: string): void {
  parent.ele(NS.cbc, name, { currencyID: currency }).txt(oreToAmount(ore));
}

function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(NS.cbc, name).txt(value);
}

/**
 * StructuredDK wants StreetName and BuildingNumber apart (F-LIB034/035), or a Postbox instead; a street
 * line that is neither "name number…" nor "Postboks N" is written as StructuredLax with the whole line
 * as StreetName. Empty parts are left out (oioublProblems reports an incomplete address).
 */
function address(parent: XMLBuilder, a: PostalAddress): void {
  const el = parent.ele(NS.cac, "PostalAddress");
  const street = a.street.trim();
  const postbox = /^(?:postboks|p\.?\s?o\.?\s?box)\s+(\d+)$/i.exec(street);
  const split = postbox ? null : /^(\D*\S)\s+(\d.*)$/.exec(street);
  const format = postbox || split ? "StructuredDK" : "StructuredLax";
  const optional = (name: string, value: string | null | undefined) => {
    if (value?.trim()) text(el, name, value.trim());
  };
  el.ele(NS.cbc, "AddressFormatCode", { listAgencyID: "320", listID: "urn:oioubl:codelist:addressformatcode-1.1" }).txt(format);
  optional("Postbox", postbox?.[1]);
  optional("StreetName", postbox ? null : (split?.[1] ?? street));
  optional("AdditionalStreetName", a.additionalStreet);
  optional("BuildingNumber", split?.[2]);
  optional("CityName", a.city);
  optional("PostalZone", a.postalCode);
  el.ele(NS.cac, "Country").ele(NS.cbc, "IdentificationCode").txt(a.countryCode);
}

function taxScheme(parent: XMLBuilder): void {
  const ts = parent.ele(NS.cac, "TaxScheme");
  ts.ele(NS.cbc, "ID", { schemeAgencyID: "320", schemeID: "urn:oioubl:id:taxschemeid-1.1" }).txt(TAX_SCHEME.id);
  text(ts, "Name", TAX_SCHEME.name);
}

function taxCategory(parent: XMLBuilder, vatRateBp: number): void {
  const cat = parent.ele(NS.cac, "TaxCategory");
  const id = vatRateBp > 0 ? "StandardRated" : "ZeroRated";
  cat.ele(NS.cbc, "ID", { schemeAgencyID: "320", schemeID: "urn:oioubl:id:taxcategoryid-1.1" }).txt(id);
  text(cat, "Percent", percentOf(vatRateBp));
  taxScheme(cat);
}

/** UBL Party: EndpointID, PartyIdentification, PartyName, PostalAddress, PartyTaxScheme, PartyLegalEntity, Contact. */
function party(parent: XMLBuilder, wrapper: string, p: Party, role: "seller" | "buyer"): void {
  const el = parent.ele(NS.cac, wrapper).ele(NS.cac, "Party");
  const gln = p.endpointGln ? digitsOnly(p.endpointGln) : "";
  // Both endpoints are GLN (EAN location numbers): NemHandel routes the document to the buyer's and
  // answers to the seller's. Without a GLN the CVR is the only endpoint OIOUBL accepts; oioublProblems
  // reports a missing buyer GLN before it comes to that.
  if (gln) el.ele(NS.cbc, "EndpointID", { schemeAgencyID: "9", schemeID: "GLN" }).txt(gln);
  else if (p.cvr) el.ele(NS.cbc, "EndpointID", { schemeID: "DK:CVR" }).txt(dkCvr(p.cvr));
  if (p.cvr) el.ele(NS.cac, "PartyIdentification").ele(NS.cbc, "ID", { schemeID: "DK:CVR" }).txt(dkCvr(p.cvr));
  else if (gln) el.ele(NS.cac, "PartyIdentification").ele(NS.cbc, "ID", { schemeAgencyID: "9", schemeID: "GLN" }).txt(gln);
  el.ele(NS.cac, "PartyName").ele(NS.cbc, "Name").txt(p.name);
  address(el, p.address);
  if (role === "seller" && p.cvr) {
    const tax = el.ele(NS.cac, "PartyTaxScheme");
    tax.ele(NS.cbc, "CompanyID", { schemeID: "DK:SE" }).txt(dkCvr(p.cvr));
    taxScheme(tax);
  }
  // PartyLegalEntity needs a CompanyID (F-LIB187), so a party without a CVR goes without it.
  if (p.cvr) {
    const legal = el.ele(NS.cac, "PartyLegalEntity");
    text(legal, "RegistrationName", p.name);
    legal.ele(NS.cbc, "CompanyID", { schemeID: "DK:CVR" }).txt(dkCvr(p.cvr));
  }
  const c = p.contact;
  if (c && (c.id || c.name || c.email || c.phone)) {
    const contact = el.ele(NS.cac, "Contact");
    // The buyer's Contact/ID is its attention person or department code: the public buyer routes
    // the invoice internally by it (F-INV046/051 require it). The seller's is its contact e-mail.
    const id = c.id?.trim() || (role === "seller" ? c.email?.trim() : "");
    if (id) text(contact, "ID", id);
    if (c.name?.trim()) text(contact, "Name", c.name.trim());
    if (c.phone?.trim()) text(contact, "Telephone", c.phone.trim());
    if (c.email?.trim()) text(contact, "ElectronicMail", c.email.trim());
  }
}

function paymentMeans(root: XMLBuilder, doc: InvoiceDocument): void {
  const pm = root.ele(NS.cac, "PaymentMeans");
  text(pm, "ID", "1");
  text(pm, "PaymentMeansCode", PAYMENT_MEANS_CODE);
  if (doc.dueDate) text(pm, "PaymentDueDate", doc.dueDate);
  pm.ele(NS.cbc, "PaymentChannelCode", { listAgencyID: "320", listID: "urn:oioubl:codelist:paymentchannelcode-1.1" }).txt("DK:BANK");
  // The remittance the buyer quotes with the transfer: the document number, as InstructionID (OIOUBL's
  // betalingsidentifikation for code 42) and as PaymentID (EN 16931 BT-83).
  text(pm, "InstructionID", doc.payment.paymentId);
  text(pm, "PaymentID", doc.payment.paymentId);
  const account = pm.ele(NS.cac, "PayeeFinancialAccount");
  text(account, "ID", digitsOnly(doc.payment.accountNo));
  // The note on the seller's bank statement; at most 20 characters with code 42 (F-LIB133).
  text(account, "PaymentNote", doc.payment.paymentId.slice(0, 20));
  account.ele(NS.cac, "FinancialInstitutionBranch").ele(NS.cbc, "ID").txt(digitsOnly(doc.payment.bankRegNo));
}

function taxTotal(parent: XMLBuilder, vatOre: number, subtotals: { taxableOre: number; vatOre: number; vatRateBp: number }[], currency: string): void {
  const tt = parent.ele(NS.cac, "TaxTotal");
  amount(tt, "TaxAmount", vatOre, currency);
  for (const s of subtotals) {
    const sub = tt.ele(NS.cac, "TaxSubtotal");
    amount(sub, "TaxableAmount", s.taxableOre, currency);
    amount(sub, "TaxAmount", s.vatOre, currency);
    taxCategory(sub, s.vatRateBp);
  }
}

function line(root: XMLBuilder, doc: InvoiceDocument, l: DocumentLine): void {
  const credit = doc.kind === "CREDIT_NOTE";
  const el = root.ele(NS.cac, credit ? "CreditNoteLine" : "InvoiceLine");
  text(el, "ID", l.id);
  if (l.note?.trim()) text(el, "Note", l.note.trim());
  el.ele(NS.cbc, credit ? "CreditedQuantity" : "InvoicedQuantity", { unitCode: UNIT_CODE }).txt(String(l.quantity));
  amount(el, "LineExtensionAmount", l.netOre, doc.currency);
  // A line's own VAT is informative; the document's TaxTotal is computed per rate on the sum, so the
  // lines' VAT may differ from it by rounding (the schematron checks the document total, not these).
  const lineVat = vatOf(l.netOre, l.vatRateBp);
  taxTotal(el, lineVat, [{ taxableOre: l.netOre, vatOre: lineVat, vatRateBp: l.vatRateBp }], doc.currency);
  const item = el.ele(NS.cac, "Item");
  text(item, "Description", l.note?.trim() ? `${l.name}. ${l.note.trim()}` : l.name);
  text(item, "Name", l.name);
  const price = el.ele(NS.cac, "Price");
  amount(price, "PriceAmount", l.unitPriceOre, doc.currency);
  price.ele(NS.cbc, "BaseQuantity", { unitCode: UNIT_CODE }).txt("1");
}

/**
 * The OIOUBL 2.1 Invoice (kind INVOICE) or CreditNote (kind CREDIT_NOTE, with a BillingReference to
 * the credited invoice) for a document, as a UTF-8 XML string. Amounts are written from the document's
 * øre as they are: the document's totals must already be consistent (totalsOf), which the schematron
 * checks. Credit notes carry positive amounts, as UBL wants. Call oioublProblems first: this function
 * serialises whatever it is given.
 */
export function toOioublXml(doc: InvoiceDocument): string {
  const credit = doc.kind === "CREDIT_NOTE";
  const rootName = credit ? "CreditNote" : "Invoice";
  const xml = create({ version: "1.0", encoding: "UTF-8" });
  const root = xml.ele(NS[doc.kind], rootName, { "xmlns:cac": NS.cac, "xmlns:cbc": NS.cbc });

  text(root, "UBLVersionID", "2.1");
  text(root, "CustomizationID", "OIOUBL-2.1");
  root.ele(NS.cbc, "ProfileID", { schemeAgencyID: PROFILE.schemeAgencyID, schemeID: PROFILE.schemeID }).txt(PROFILE.id);
  text(root, "ID", doc.number);
  text(root, "CopyIndicator", "false");
  text(root, "UUID", documentUuid(doc.kind, doc.seller.cvr ?? doc.seller.name, doc.number));
  text(root, "IssueDate", doc.issueDate);
  if (!credit) root.ele(NS.cbc, "InvoiceTypeCode", { listAgencyID: "320", listID: "urn:oioubl:codelist:invoicetypecode-1.1" }).txt("380");
  if (doc.note?.trim()) text(root, "Note", doc.note.trim());
  text(root, "DocumentCurrencyCode", doc.currency);
  if (doc.buyerReference?.trim()) text(root.ele(NS.cac, "OrderReference"), "ID", doc.buyerReference.trim());
  if (credit && doc.billingReference) {
    const br = root.ele(NS.cac, "BillingReference");
    const inv = br.ele(NS.cac, "InvoiceDocumentReference");
    // Number and date only: the document carries no copy of the invoice's UUID, and a recomputed one
    // would be wrong if the seller's CVR changed in between.
    text(inv, "ID", doc.billingReference.number);
    text(inv, "IssueDate", doc.billingReference.issueDate);
  }
  party(root, "AccountingSupplierParty", doc.seller, "seller");
  party(root, "AccountingCustomerParty", doc.buyer, "buyer");
  paymentMeans(root, doc);
  taxTotal(root, doc.totals.vatOre, doc.totals.breakdown, doc.currency);

  const total = root.ele(NS.cac, "LegalMonetaryTotal");
  amount(total, "LineExtensionAmount", doc.totals.netOre, doc.currency);
  // OIOUBL's own meaning: TaxExclusiveAmount is the total VAT, not the amount ex VAT (F-INV127).
  amount(total, "TaxExclusiveAmount", doc.totals.vatOre, doc.currency);
  amount(total, "TaxInclusiveAmount", doc.totals.grossOre, doc.currency);
  amount(total, "PayableAmount", doc.totals.grossOre, doc.currency);

  for (const l of doc.lines) line(root, doc, l);
  return xml.end({ prettyPrint: true });
}
