import "server-only";
import { FONT, renderPdf } from "../pdf/document";
import { describeItem, sectionTitle } from "./describe";
import { workspaceView } from "./queries";
import { SECTIONS } from "./schemas";

/** The participant's workspace as a PDF to hand to their manager; null when the link gives no access. */
export async function workspacePdf(token: string, workspaceId: string, now = new Date()): Promise<{ pdf: Buffer; filename: string } | null> {
  const ws = await workspaceView(token, workspaceId, now);
  if (!ws) return null;
  const pdf = await renderPdf(
    { title: `Implementeringsstillads: ${ws.title}`, author: ws.person.name, subject: `${ws.cohort.programme.title}, hold ${ws.cohort.name}` },
    (doc) => {
      doc.font(FONT.bold).fontSize(18).text(`Implementeringsstillads: ${ws.title}`);
      doc.moveDown(0.3).font(FONT.regular).fontSize(10).text(`${ws.person.name} · ${ws.cohort.programme.title}, hold ${ws.cohort.name}`);
      const heading = (t: string) => doc.moveDown(1).font(FONT.bold).fontSize(13).text(t).font(FONT.regular).fontSize(10).moveDown(0.3);
      heading("Løsningen");
      doc.text(ws.solution || "Ikke beskrevet endnu.");
      heading("Gevinsten");
      doc.text(ws.gain || "Ikke beskrevet endnu.");
      for (const s of SECTIONS) {
        heading(sectionTitle(s));
        const items = ws.sections[s];
        if (!items.length) doc.text("Intet endnu.");
        items.forEach((item, n) => {
          const { title, lines } = describeItem(item);
          doc.font(FONT.bold).text(`${n + 1}. ${title}`).font(FONT.regular);
          for (const [k, v] of lines) doc.text(`${k}: ${v}`, { indent: 14 });
          doc.moveDown(0.4);
        });
      }
    },
  );
  const slug = ws.title.toLowerCase().replace(/[^a-z0-9æøå]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "stillads";
  return { pdf, filename: `implementeringsstillads-${slug}.pdf` };
}
