import "server-only";
import type { Tx } from "../db";
import { composeMail } from "../mail/compose";
import { enqueueMail } from "../mail/outbox";
import { formatMoney } from "../money";
import type { InvoiceDocument } from "./document";
import { documentTitle } from "./pdf";

export function pdfFilename(doc: InvoiceDocument): string {
  return `${doc.kind === "INVOICE" ? "faktura" : "kreditnota"}-${doc.number}.pdf`;
}

/** Puts the mail with a buyer's invoice or credit note as a PDF (rendered by the caller) into the outbox. */
export async function mailInvoicePdf(tx: Tx, invoiceId: string, doc: InvoiceDocument, to: string, pdf: Buffer): Promise<void> {
  const title = documentTitle(doc);
  const mail = composeMail(`${title} fra ${doc.seller.name}`, [
    { p: `Hermed ${doc.kind === "INVOICE" ? "faktura" : "kreditnota"} ${doc.number} til ${doc.buyer.name}. Den er vedhæftet som PDF.` },
    {
      pairs: [
        ["Beløb inkl. moms", formatMoney(doc.totals.grossOre, doc.currency)],
        ...(doc.dueDate ? ([["Betales senest", doc.dueDate.split("-").reverse().join(".")]] as Array<[string, string]>) : []),
        ...(doc.buyerReference ? ([["Jeres reference", doc.buyerReference]] as Array<[string, string]>) : []),
      ],
    },
    { p: `Har I spørgsmål til den, så skriv til ${doc.seller.contact.email}.` },
  ]);
  await enqueueMail(tx, {
    dedupeKey: `invoice-pdf:${invoiceId}`,
    to,
    fromName: doc.seller.name,
    ...mail,
    attachments: [{ filename: pdfFilename(doc), contentType: "application/pdf", content: pdf }],
  });
}
