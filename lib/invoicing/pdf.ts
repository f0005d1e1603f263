import "server-only";
// The Danish A4 PDF of an invoice or credit note, drawn from the document as issued.
import { formatMoney, formatVatRate } from "../money";
import { FONT, renderPdf, type Pdf } from "../pdf/document";
import type { InvoiceDocument, Party } from "./document";

const danishDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function partyLines(p: Party): string[] {
  return [
    p.name,
    p.address.street,
    p.address.additionalStreet ?? "",
    `${p.address.postalCode} ${p.address.city}`.trim(),
    p.cvr ? `CVR ${p.cvr}` : "",
    p.endpointGln ? `EAN ${p.endpointGln}` : "",
    p.contact?.id ? `Att.: ${p.contact.id}` : "",
  ].filter(Boolean);
}

export function documentTitle(doc: InvoiceDocument): string {
  return `${doc.kind === "INVOICE" ? "Faktura" : "Kreditnota"} ${doc.number}`;
}

/** The PDF file; the same document always gives the same bytes (the creation date is the issue date). */
export function invoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  return renderPdf({ title: documentTitle(doc), author: doc.seller.name, createdAt: new Date(`${doc.issueDate}T12:00:00Z`) }, (pdf: Pdf) => {
    const left = pdf.page.margins.left;
    const width = pdf.page.width - left - pdf.page.margins.right;
    pdf.font(FONT.bold).fontSize(18).text(documentTitle(doc), left, 56);
    pdf.font(FONT.regular).fontSize(10).moveDown(0.5);
    const top = pdf.y;
    pdf.font(FONT.bold).text("Fra", left, top).font(FONT.regular).text(partyLines(doc.seller).join("\n"), { width: width / 2 - 10 });
    const afterSeller = pdf.y;
    pdf.font(FONT.bold).text("Til", left + width / 2, top).font(FONT.regular).text(partyLines(doc.buyer).join("\n"), { width: width / 2 });
    pdf.y = Math.max(afterSeller, pdf.y) + 12;
    const facts: Array<[string, string]> = [
      [doc.kind === "INVOICE" ? "Fakturanummer" : "Kreditnotanummer", doc.number],
      ["Dato", danishDate(doc.issueDate)],
      ...(doc.dueDate ? ([["Forfaldsdato", danishDate(doc.dueDate)]] as Array<[string, string]>) : []),
      ...(doc.buyerReference ? ([["Jeres reference", doc.buyerReference]] as Array<[string, string]>) : []),
      ...(doc.billingReference ? ([["Krediterer faktura", `${doc.billingReference.number} af ${danishDate(doc.billingReference.issueDate)}`]] as Array<[string, string]>) : []),
    ];
    for (const [k, v] of facts) pdf.font(FONT.bold).text(`${k}: `, left, pdf.y, { continued: true }).font(FONT.regular).text(v);
    pdf.moveDown();

    const cols = [left, left + width * 0.58, left + width * 0.68, left + width * 0.84] as const;
    const header = (y: number) => {
      pdf.font(FONT.bold);
      pdf.text("Beskrivelse", cols[0], y, { width: width * 0.56 });
      pdf.text("Antal", cols[1], y, { width: width * 0.1, align: "right" });
      pdf.text("Stykpris", cols[2], y, { width: width * 0.16, align: "right" });
      pdf.text("Beløb", cols[3], y, { width: width * 0.16, align: "right" });
      pdf.font(FONT.regular);
      pdf.moveTo(left, pdf.y + 2).lineTo(left + width, pdf.y + 2).stroke();
      pdf.y += 6;
    };
    header(pdf.y);
    for (const line of doc.lines) {
      if (pdf.y > pdf.page.height - 160) {
        pdf.addPage();
        header(pdf.y);
      }
      const y = pdf.y;
      pdf.text(`${line.name}${line.note ? `\n${line.note}` : ""}`, cols[0], y, { width: width * 0.56 });
      const after = pdf.y;
      pdf.text(String(line.quantity), cols[1], y, { width: width * 0.1, align: "right" });
      pdf.text(formatMoney(line.unitPriceOre, doc.currency), cols[2], y, { width: width * 0.16, align: "right" });
      pdf.text(formatMoney(line.netOre, doc.currency), cols[3], y, { width: width * 0.16, align: "right" });
      pdf.y = after + 6;
    }
    pdf.moveTo(left, pdf.y).lineTo(left + width, pdf.y).stroke();
    pdf.y += 6;
    const total = (label: string, ore: number, bold = false) => {
      const y = pdf.y;
      pdf.font(bold ? FONT.bold : FONT.regular).text(label, cols[1] - 60, y, { width: width * 0.26 + 60, align: "right" });
      pdf.text(formatMoney(ore, doc.currency), cols[3], y, { width: width * 0.16, align: "right" });
      pdf.font(FONT.regular);
    };
    total("I alt ekskl. moms", doc.totals.netOre);
    for (const b of doc.totals.breakdown) total(`Moms ${formatVatRate(b.vatRateBp)} af ${formatMoney(b.taxableOre, doc.currency)}`, b.vatOre);
    total(doc.kind === "INVOICE" ? "At betale" : "Krediteret i alt", doc.totals.grossOre, true);
    pdf.moveDown(2);
    if (doc.note) pdf.text(doc.note, left, pdf.y, { width });
    if (doc.kind === "INVOICE") {
      pdf.moveDown(0.5).text(`Betaling til reg.nr. ${doc.payment.bankRegNo}, konto ${doc.payment.accountNo}. Angiv ${doc.payment.paymentId} ved betaling.`, left, pdf.y, { width });
    }
    pdf.moveDown(0.5).text(`Spørgsmål til fakturaen: ${doc.seller.contact.email}`, left, pdf.y, { width });
  });
}
