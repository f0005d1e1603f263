import "server-only";
import { FONT, renderPdf } from "../pdf/document";
import { formatDate } from "../time";

/** What a kursusbevis states, read from the enrolment at the moment it is rendered. */
export interface CertificateContent {
  code: string;
  verifyUrl: string;
  participantName: string;
  organisationName: string | null;
  programmeTitle: string;
  providerName: string;
  partnerName: string | null;
  completedAt: Date;
  modules: Array<{ position: number; title: string; days: Date[]; hours: number }>;
}

const hoursFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 });
export const formatHours = (h: number) => `${hoursFormat.format(h)} timer`;

/** The days of a module as one phrase: "21. august 2023 og 22. august 2023". */
export function formatDays(days: Date[]): string {
  const parts = days.map(formatDate);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} og ${parts.at(-1)}`;
}

/** The kursusbevis as an A4 PDF with DejaVu Sans embedded (lib/pdf/document.ts). */
export function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  return renderPdf(
    { title: `Kursusbevis: ${c.programmeTitle}`, author: c.providerName, subject: c.participantName, createdAt: c.completedAt },
    (doc) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc.moveDown(3);
      doc.font(FONT.bold).fontSize(28).text("Kursusbevis", { align: "center" });
      doc.moveDown(1.5);
      doc.font(FONT.regular).fontSize(12).text("Hermed bekræftes, at", { align: "center" });
      doc.moveDown(0.5);
      doc.font(FONT.bold).fontSize(22).text(c.participantName, { align: "center" });
      if (c.organisationName) doc.font(FONT.regular).fontSize(12).text(c.organisationName, { align: "center" });
      doc.moveDown(0.8);
      doc.font(FONT.regular).fontSize(12).text("har gennemført uddannelsen", { align: "center" });
      doc.moveDown(0.5);
      doc.font(FONT.bold).fontSize(18).text(c.programmeTitle, { align: "center" });
      doc.moveDown(0.5);
      const by = c.partnerName ? `udbudt af ${c.providerName} i samarbejde med ${c.partnerName}` : `udbudt af ${c.providerName}`;
      doc.font(FONT.regular).fontSize(12).text(by, { align: "center" });
      doc.text(`Gennemført ${formatDate(c.completedAt)}`, { align: "center" });
      doc.moveDown(2);

      doc.font(FONT.bold).fontSize(13).text("Uddannelsens moduler", { width });
      doc.moveDown(0.4);
      for (const m of c.modules) {
        doc.font(FONT.bold).fontSize(11).text(`Modul ${m.position}: ${m.title}`, { width });
        doc.font(FONT.regular).fontSize(10).text(`${formatDays(m.days)} · ${formatHours(m.hours)}`, { width });
        doc.moveDown(0.5);
      }
      const total = c.modules.reduce((n, m) => n + m.hours, 0);
      doc.font(FONT.regular).fontSize(10).text(`I alt ${formatHours(total)} undervisning.`, { width });

      doc.moveDown(3);
      doc.font(FONT.bold).fontSize(10).text(`Verifikationskode: ${c.code}`, { width });
      doc.font(FONT.regular).fontSize(10).text(`Beviset kan bekræftes på ${c.verifyUrl}`, { width });
    },
  );
}
