// Generated OIOUBL documents of every shape the invoicing step produces, validated against the
// official UBL 2.1 XSD and OIOUBL schematron (tests/oioubl/, offline), plus what oioublProblems adds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateOioubl } from "@/tests/helpers/oioubl";
import { totalsOf, type DocumentLine, type InvoiceDocument } from "./document";
import { oioublProblems, oreToAmount, toOioublXml } from "./oioubl";

const PROGRAMME = "Kommunernes Implementeringsuddannelse";

function line(n: number, participant: string, unitPriceOre: number, cohort = "Efterår 2027"): DocumentLine {
  return { id: String(n), name: `${PROGRAMME}, ${cohort}`, note: `Deltager: ${participant}`, quantity: 1, unitPriceOre, netOre: unitPriceOre, vatRateBp: 2500 };
}

function invoice(over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines = over.lines ?? [line(1, "Søren Ærø", 1_900_000)];
  return {
    kind: "INVOICE",
    number: "F2027-0001",
    issueDate: "2027-09-01",
    dueDate: "2027-10-01",
    currency: "DKK",
    note: "Betalingsbetingelser: netto 30 dage.",
    buyerReference: "PO-4711",
    billingReference: null,
    seller: {
      name: "Stillads Uddannelse ApS",
      endpointGln: "5790001234560",
      cvr: "29189900",
      address: { street: "Vestergade 12", postalCode: "8000", city: "Aarhus C", countryCode: "DK" },
      contact: { name: "Fakturering", email: "faktura@stillads.example", phone: "70201020" },
    },
    buyer: {
      name: "Syddjurs Kommune",
      endpointGln: "5798000416604",
      cvr: "29189684",
      address: { street: "Lundbergsvej 2", additionalStreet: "Att.: Økonomi", postalCode: "8400", city: "Ebeltoft", countryCode: "DK" },
      contact: { id: "Mette Ølgaard", name: "Mette Ølgaard", email: "mette@syddjurs.example" },
    },
    payment: { bankRegNo: "1234", accountNo: "0012345678", paymentId: over.number ?? "F2027-0001" },
    ...over,
    lines,
    totals: over.totals ?? totalsOf(lines),
  };
}

function creditNote(over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return invoice({
    kind: "CREDIT_NOTE",
    number: "K2027-0001",
    issueDate: "2027-09-15",
    dueDate: null,
    note: "Kreditering af tilmelding: Søren Ærø",
    billingReference: { number: "F2027-0001", issueDate: "2027-09-01" },
    payment: { bankRegNo: "1234", accountNo: "0012345678", paymentId: "K2027-0001" },
    ...over,
  });
}

async function expectValid(xml: string) {
  const result = await validateOioubl(xml);
  expect(result.xsdErrors).toEqual([]);
  expect(result.schematronErrors).toEqual([]);
}

describe("toOioublXml: generated documents pass the official XSD and schematron", () => {
  it("one invoice per enrolment, with the buyer's GLN, attention person, PO and the seller's bank account", async () => {
    const doc = invoice();
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toMatch(/<cbc:EndpointID schemeAgencyID="9" schemeID="GLN">5790001234560<\/cbc:EndpointID>/);
    expect(xml).toMatch(/<cbc:EndpointID schemeAgencyID="9" schemeID="GLN">5798000416604<\/cbc:EndpointID>/);
    expect(xml).toMatch(/<cac:AccountingCustomerParty>[\s\S]*<cac:Contact>\s*<cbc:ID>Mette Ølgaard<\/cbc:ID>/);
    expect(xml).toMatch(/<cac:OrderReference>\s*<cbc:ID>PO-4711<\/cbc:ID>/);
    expect(xml).toMatch(/<cbc:InstructionID>F2027-0001<\/cbc:InstructionID>/);
    expect(xml).toMatch(/<cac:PayeeFinancialAccount>\s*<cbc:ID>0012345678<\/cbc:ID>[\s\S]*<cac:FinancialInstitutionBranch>\s*<cbc:ID>1234<\/cbc:ID>/);
    expect(xml).toContain('<cbc:TaxAmount currencyID="DKK">4750.00</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="DKK">23750.00</cbc:PayableAmount>');
    expect(xml).toContain("<cbc:Percent>25</cbc:Percent>");
    expect(oioublProblems(doc, { requireReference: true })).toEqual([]);
  });

  it("a grouped invoice: several participants, each a line, totals summed", async () => {
    const lines = [line(1, "Søren Ærø", 1_900_000), line(2, "Åse Øby", 1_900_000), line(3, "Bo Æbelø", 1_750_000, "Forår 2028")];
    const doc = invoice({ lines });
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml.match(/<cac:InvoiceLine>/g)).toHaveLength(3);
    expect(xml).toContain('<cbc:LineExtensionAmount currencyID="DKK">55500.00</cbc:LineExtensionAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="DKK">69375.00</cbc:PayableAmount>');
  });

  it("without a PO/reference there is no OrderReference, and the document is still valid", async () => {
    const doc = invoice({ buyerReference: null });
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).not.toContain("OrderReference");
    expect(oioublProblems(doc)).toEqual([]);
  });

  it("a credit note references the invoice it credits", async () => {
    const doc = creditNote();
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
    expect(xml).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>F2027-0001<\/cbc:ID>[\s\S]*<cbc:IssueDate>2027-09-01<\/cbc:IssueDate>/);
    expect(xml).toMatch(/<cbc:CreditedQuantity unitCode="EA">1<\/cbc:CreditedQuantity>/);
    expect(xml).not.toContain("InvoiceLine");
    expect(oioublProblems(doc)).toEqual([]);
  });

  it("a grouped credit note without a PO is valid too", async () => {
    await expectValid(toOioublXml(creditNote({ buyerReference: null, lines: [line(1, "A", 1_900_000), line(2, "B", 1_900_000)] })));
  });

  it("odd øre amounts: VAT rounded per rate on the sum, every total exact to the øre", async () => {
    // 3 × 333,33 kr. at 25 % = 249,9975 kr. VAT, rounded once to 250,00; the lines' own VAT (83,33 each) adds to 249,99.
    const lines = [line(1, "A", 33_333), line(2, "B", 33_333), line(3, "C", 33_333), line(4, "D", 1)];
    const doc = invoice({ lines });
    expect(doc.totals).toMatchObject({ netOre: 100_000, vatOre: 25_000, grossOre: 125_000 });
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="DKK">1250.00</cbc:TaxInclusiveAmount>');
    expect(xml).toContain('<cbc:PriceAmount currencyID="DKK">0.01</cbc:PriceAmount>');
    // A half øre of VAT on a single line rounds up.
    const half = invoice({ lines: [line(1, "A", 2)] });
    expect(half.totals.vatOre).toBe(1);
    await expectValid(toOioublXml(half));
  });

  it("a street line that is not 'name number' is written as a StructuredLax address, still valid", async () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, address: { ...doc.buyer.address, street: "Rådhuset", additionalStreet: null } };
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toContain("StructuredLax");
  });

  it("escapes what people type (& < \" æøå) and writes a buyer without CVR or a seller without GLN validly", async () => {
    const doc = invoice({ buyerReference: 'Ordre <17> & "B"' });
    doc.buyer = { ...doc.buyer, name: "Ærø & Marstal <Kommune>", cvr: null, contact: { id: "Økonomi & Løn" } };
    doc.seller = { ...doc.seller, endpointGln: null };
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toContain("<cbc:Name>Ærø &amp; Marstal &lt;Kommune&gt;</cbc:Name>");
    expect(xml).toContain('<cbc:EndpointID schemeID="DK:CVR">DK29189900</cbc:EndpointID>');
    expect(xml).not.toMatch(/AccountingCustomerParty>[\s\S]*PartyLegalEntity[\s\S]*<\/cac:AccountingCustomerParty/);
  });

  it("a VAT-exempt line beside a 25 % line: one TaxSubtotal per rate", async () => {
    const lines = [line(1, "A", 1_900_000), { ...line(2, "Materiale", 50_000), name: "Kursusmateriale", vatRateBp: 0 }];
    const doc = invoice({ lines });
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml.match(/<cac:TaxSubtotal>/g)).toHaveLength(2 + lines.length);
    expect(xml).toContain("ZeroRated");
  });

  it("a 'Postboks N' address is a StructuredDK Postbox", async () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, address: { ...doc.buyer.address, street: "Postboks 101" } };
    const xml = toOioublXml(doc);
    await expectValid(xml);
    expect(xml).toMatch(/<cac:AccountingCustomerParty>[\s\S]*<cbc:Postbox>101<\/cbc:Postbox>\s*<cbc:AdditionalStreetName>Att.: Økonomi<\/cbc:AdditionalStreetName>\s*<cbc:CityName>Ebeltoft/);
  });

  it("writes the same bytes for the same document (stable UUID)", () => {
    expect(toOioublXml(invoice())).toBe(toOioublXml(invoice()));
    expect(toOioublXml(invoice())).not.toBe(toOioublXml(invoice({ number: "F2027-0002" })));
  });

  it("writes øre as kroner with two decimals, exactly", () => {
    expect([0, 1, 99, 100, 123_456, 1_900_000, -250].map(oreToAmount)).toEqual(["0.00", "0.01", "0.99", "1.00", "1234.56", "19000.00", "-2.50"]);
    expect(() => oreToAmount(1.5)).toThrow();
  });
});

describe("the validator catches broken documents", () => {
  it("reports XSD errors for elements out of order", async () => {
    const xml = toOioublXml(invoice()).replace(/(<cbc:UBLVersionID>2.1<\/cbc:UBLVersionID>)\s*(<cbc:CustomizationID>OIOUBL-2.1<\/cbc:CustomizationID>)/, "$2$1");
    const result = await validateOioubl(xml);
    expect(result.xsdErrors.join("\n")).toMatch(/UBLVersionID.*not expected/);
  });

  it("reports the schematron's rule when the buyer's Contact/ID is missing", async () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, contact: { name: "Mette Ølgaard" } };
    const result = await validateOioubl(toOioublXml(doc));
    expect(result.xsdErrors).toEqual([]);
    expect(result.schematronErrors.join("\n")).toMatch(/F-INV0(46|51)/);
    expect(oioublProblems(doc).join("\n")).toMatch(/Attention-person/);
  });

  it("reports the schematron's amount rule when a total is off by one øre", async () => {
    const doc = invoice();
    doc.totals = { ...doc.totals, grossOre: doc.totals.grossOre + 1 };
    const result = await validateOioubl(toOioublXml(doc));
    expect(result.xsdErrors).toEqual([]);
    expect(result.schematronErrors.join("\n")).toMatch(/F-INV128|F-INV133/);
    expect(oioublProblems(doc)).toContain("Dokumentets totaler stemmer ikke med linjerne.");
  });
});

describe("oioublProblems: what the schematron does not check", () => {
  it("a GLN with a wrong check digit passes the schematron but not oioublProblems", async () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, endpointGln: "5798000416605" };
    doc.seller = { ...doc.seller, endpointGln: "5790001234561" };
    const result = await validateOioubl(toOioublXml(doc));
    expect(result.schematronErrors).toEqual([]);
    const problems = oioublProblems(doc);
    expect(problems).toContain("Købers EAN/GLN-nummer 5798000416605 har et forkert kontrolciffer; tjek nummeret.");
    expect(problems).toContain("Sælgers EAN/GLN-nummer 5790001234561 har et forkert kontrolciffer; tjek nummeret.");
  });

  it("names a missing buyer GLN, a GLN of the wrong length, and a missing seller GLN", () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, endpointGln: null };
    doc.seller = { ...doc.seller, endpointGln: "" };
    const problems = oioublProblems(doc);
    expect(problems).toContain("Syddjurs Kommune har intet EAN-nummer, så fakturaen kan ikke sendes som OIOUBL; send den som PDF.");
    expect(problems).toContain("Sælgers eget EAN/GLN-nummer mangler i faktureringsopsætningen.");
    doc.buyer = { ...doc.buyer, endpointGln: "57980004166" };
    expect(oioublProblems(doc).join("\n")).toMatch(/Købers EAN\/GLN-nummer skal være 13 cifre/);
  });

  it("checks both parties' CVR numbers (modulus 11); the buyer's is optional", () => {
    const doc = invoice();
    doc.seller = { ...doc.seller, cvr: "29189901" };
    doc.buyer = { ...doc.buyer, cvr: "DK 2918 9685" };
    expect(oioublProblems(doc)).toEqual(["Sælgers CVR-nummer 29189901 er ikke gyldigt.", "Købers CVR-nummer DK 2918 9685 er ikke gyldigt."]);
    doc.seller = { ...doc.seller, cvr: "DK29189900" };
    doc.buyer = { ...doc.buyer, cvr: null };
    expect(oioublProblems(doc)).toEqual([]);
  });

  it("names an incomplete address or a Danish postal code that is not 4 digits", () => {
    const doc = invoice();
    doc.buyer = { ...doc.buyer, address: { street: "", postalCode: "", city: "", countryCode: "DK" } };
    doc.seller = { ...doc.seller, address: { ...doc.seller.address, postalCode: "800" } };
    expect(oioublProblems(doc)).toEqual(['Sælgers postnummer skal være 4 cifre (er "800").', "Købers adresse er ufuldstændig: gade, postnummer og by skal udfyldes."]);
  });

  it("a missing PO/reference is a problem only when the buyer requires one", () => {
    const doc = invoice({ buyerReference: "  " });
    expect(oioublProblems(doc)).toEqual([]);
    expect(oioublProblems(doc, { requireReference: true })).toEqual([
      "Syddjurs Kommune kræver et indkøbsordrenummer eller en reference på fakturaen, men der er ingen.",
    ]);
  });

  it("checks the bank account's shape: 4-digit registration number, up to 10-digit account number", () => {
    const doc = invoice({ payment: { bankRegNo: "12345", accountNo: "12345678901", paymentId: "F2027-0001" } });
    const problems = oioublProblems(doc);
    expect(problems).toContain('Bankens registreringsnummer skal være 4 cifre (er "12345").');
    expect(problems).toContain('Kontonummeret skal være 1-10 cifre (er "12345678901").');
    expect(oioublProblems(invoice({ payment: { bankRegNo: "12 34", accountNo: "1234-567", paymentId: "X" } }))).toEqual([]);
  });

  it("a credit note must name the invoice it credits", () => {
    expect(oioublProblems(creditNote({ billingReference: null }))).toContain("Kreditnotaen henviser ikke til den faktura, den krediterer.");
  });
});

describe("the harness accepts the official examples", () => {
  const examples = path.join(process.cwd(), "tests/oioubl/examples");
  it.each(["OIOUBL_Invoice_v2p2.xml", "OIOUBL_CreditNote_v2p2.xml"])("%s passes XSD and schematron", async (file) => {
    await expectValid(readFileSync(path.join(examples, file), "utf8"));
  });
});
