import "server-only";
import { strToU8, zipSync } from "fflate";
import { db } from "../db";
import { money, type Table } from "../exports/format";
import type { InvoiceDocument } from "./document";
import { pdfFilename } from "./mail";
import { toOioublXml } from "./oioubl";
import { invoicePdf } from "./pdf";
import { INVOICE_KIND_LABELS, INVOICE_STATUS_LABELS } from "./schemas";
import { cohortInvoices, previewCohortInvoices } from "./service";

// What the invoicing pages and downloads ask. Callers check the permission first ("invoice:read").

/** The cohort's Fakturering page: the cohort, what would be issued, and what has been. */
export async function cohortInvoicing(cohortId: string) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, include: { programme: true, hostOrganisation: true } });
  if (!cohort) return null;
  const [preview, invoices] = await Promise.all([previewCohortInvoices(cohortId), cohortInvoices(cohortId)]);
  return { cohort, preview, invoices };
}

export function xmlFilename(doc: InvoiceDocument): string {
  return `${doc.kind === "INVOICE" ? "faktura" : "kreditnota"}-${doc.number}.xml`;
}

export interface InvoiceFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** One invoice's PDF, or its OIOUBL XML (buyers with a GLN only); null when there is no such file. */
export async function invoiceFile(invoiceId: string, format: "pdf" | "xml"): Promise<InvoiceFile | null> {
  const inv = await db.invoice.findUnique({ where: { id: invoiceId }, select: { document: true, buyerGln: true } });
  if (!inv) return null;
  return fileOf(inv.document as unknown as InvoiceDocument, format, Boolean(inv.buyerGln));
}

async function fileOf(doc: InvoiceDocument, format: "pdf" | "xml", hasGln: boolean): Promise<InvoiceFile | null> {
  if (format === "pdf") return { filename: pdfFilename(doc), contentType: "application/pdf", body: new Uint8Array(await invoicePdf(doc)) };
  if (!hasGln) return null;
  return { filename: xmlFilename(doc), contentType: "application/xml; charset=utf-8", body: strToU8(toOioublXml(doc)) };
}

/**
 * Every issued document as the buyer receives it: OIOUBL XML for buyers with a GLN, PDF for the
 * others. For the CLI export (all cohorts, or one).
 */
export async function exportFiles(cohortId?: string): Promise<InvoiceFile[]> {
  const rows = await db.invoice.findMany({ where: cohortId ? { cohortId } : {}, select: { document: true, buyerGln: true }, orderBy: [{ kind: "asc" }, { year: "asc" }, { sequence: "asc" }] });
  const files: InvoiceFile[] = [];
  for (const r of rows) files.push((await fileOf(r.document as unknown as InvoiceDocument, r.buyerGln ? "xml" : "pdf", Boolean(r.buyerGln)))!);
  return files;
}

/** A zip of the cohort's OIOUBL files (invoices and credit notes to buyers with a GLN). */
export async function cohortXmlZip(cohortId: string): Promise<Uint8Array | null> {
  const rows = await db.invoice.findMany({ where: { cohortId, buyerGln: { not: null } }, select: { document: true }, orderBy: [{ kind: "asc" }, { sequence: "asc" }] });
  if (rows.length === 0) return null;
  const entries = Object.fromEntries(rows.map((r) => {
    const doc = r.document as unknown as InvoiceDocument;
    return [xmlFilename(doc), strToU8(toOioublXml(doc))];
  }));
  return zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}

/** The cohort's invoice journal: one row per invoice and credit note, amounts in kroner. */
export async function invoiceJournal(cohortId: string): Promise<Table | null> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { name: true } });
  if (!cohort) return null;
  const rows = await db.invoice.findMany({ where: { cohortId }, include: { credits: { select: { number: true } } }, orderBy: [{ kind: "asc" }, { sequence: "asc" }] });
  return {
    title: `Fakturajournal ${cohort.name}`,
    headers: ["Nummer", "Type", "Dato", "Forfald", "Køber", "EAN", "Krediterer", "Netto", "Moms", "Brutto", "Status"],
    rows: rows.map((r) => [
      r.number,
      INVOICE_KIND_LABELS[r.kind],
      r.issueDate.toISOString().slice(0, 10),
      r.dueDate ? r.dueDate.toISOString().slice(0, 10) : "",
      r.buyerName,
      r.buyerGln ?? "",
      r.credits?.number ?? "",
      money(r.netOre),
      money(r.vatOre),
      money(r.grossOre),
      INVOICE_STATUS_LABELS[r.status],
    ]),
  };
}
