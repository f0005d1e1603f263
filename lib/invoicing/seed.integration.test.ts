// The demo seed's invoices, issued by the invoicing service itself, as the export writes them: every
// XML file passes the official UBL XSD and OIOUBL schematron, and the application's own checks.
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { seedDemoInvoices } from "@/prisma/seed/invoicing";
import { validateOioubl } from "@/tests/helpers/oioubl";
import { currentTestDb } from "@/tests/helpers/test-db";
import type { InvoiceDocument } from "./document";
import { oioublProblems } from "./oioubl";
import { exportFiles, invoiceJournal } from "./queries";

const { prisma } = currentTestDb();

describe("the seeded 2023 invoices", () => {
  it("Syddjurs as one e-invoice to its host, Efterår 2023 per organisation, one credit note; every XML valid", async () => {
    const { cohorts } = await seedDemo(prisma);
    await seedDemoInvoices(prisma, cohorts);
    await seedDemoInvoices(prisma, cohorts); // a second run adds nothing
    const invoices = await prisma.invoice.findMany({ include: { lines: true, credits: true }, orderBy: [{ kind: "asc" }, { sequence: "asc" }] });
    expect(invoices.map((i) => [i.number, i.buyerName, i.buyerGln, i.lines.length, i.status])).toEqual([
      ["F2023-0001", "Syddjurs Kommune", "5798000416604", 20, "ISSUED"],
      ["F2023-0002", "Aarhus Kommune", "5798000001893", 2, "ISSUED"],
      ["F2023-0003", "Odense Kommune", "5798000002012", 2, "ISSUED"],
      ["F2023-0004", "Implementeringshuset ApS (demo)", null, 1, "SENT"],
      ["K2023-0001", "Odense Kommune", "5798000002012", 1, "ISSUED"],
    ]);
    expect(invoices[0]!.grossOre).toBe(20 * 1_618_750);
    expect(invoices[4]!.credits?.number).toBe("F2023-0003");

    const files = await exportFiles();
    expect(files.map((f) => f.filename)).toEqual(["faktura-F2023-0001.xml", "faktura-F2023-0002.xml", "faktura-F2023-0003.xml", "faktura-F2023-0004.pdf", "kreditnota-K2023-0001.xml"]);
    for (const inv of invoices.filter((i) => i.buyerGln)) expect(oioublProblems(inv.document as unknown as InvoiceDocument), inv.number).toEqual([]);
    for (const f of files.filter((f) => f.filename.endsWith(".xml"))) {
      const v = await validateOioubl(strFromU8(f.body));
      expect({ file: f.filename, xsd: v.xsdErrors, schematron: v.schematronErrors }).toEqual({ file: f.filename, xsd: [], schematron: [] });
    }
    const journal = await invoiceJournal(cohorts["efteraar-2023"]!);
    expect(journal!.rows.map((r) => [r[0], r[6], r[10]])).toEqual([
      ["F2023-0002", "", "Udstedt"],
      ["F2023-0003", "", "Udstedt"],
      ["F2023-0004", "", "Sendt"],
      ["K2023-0001", "F2023-0003", "Udstedt"],
    ]);
  }, 120_000);
});
