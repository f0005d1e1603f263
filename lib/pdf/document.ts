import "server-only";
// The one way Stillads makes a PDF: an A4 pdfkit document with DejaVu Sans embedded (æøå and every
// other Danish character, the same on every machine), rendered to a Buffer. Invoices and kursusbeviser
// build on this; the layout of each lives with its domain.
import path from "node:path";
import PDFDocument from "pdfkit";

export type Pdf = InstanceType<typeof PDFDocument>;

export const FONT = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

const FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  /** Fixes the document's creation date (and so its bytes), e.g. the invoice's issue date. */
  createdAt?: Date;
}

/** Renders a document: `draw` writes the pages; the result is the finished PDF file. */
export function renderPdf(meta: PdfMeta, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: "da-DK",
    pdfVersion: "1.7",
    tagged: false,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: "Stillads",
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
  });
  doc.registerFont(FONT.regular, path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(FONT.bold, path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  doc.font(FONT.regular).fontSize(10);
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      draw(doc);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
