import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/helpers/pdf-text";
import { FONT, renderPdf } from "./document";

describe("renderPdf", () => {
  it("makes an A4 PDF whose text, æøå included, reads back as written", async () => {
    const pdf = await renderPdf({ title: "Prøve", author: "Stillads", createdAt: new Date("2026-11-30T12:00:00Z") }, (doc) => {
      doc.font(FONT.bold).fontSize(18).text("Kursusbevis for Søren Ærø Ågård");
      doc.font(FONT.regular).fontSize(10).text("Kommunernes Implementeringsuddannelse, København");
      doc.addPage().text("Side to: ÆØÅ æøå é ü");
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(2);
    expect(text).toContain("Kursusbevis for Søren Ærø Ågård");
    expect(text).toContain("Kommunernes Implementeringsuddannelse, København");
    expect(text).toContain("ÆØÅ æøå é ü");
  });

  it("passes a drawing error on instead of hanging", async () => {
    await expect(
      renderPdf({ title: "x", author: "y" }, () => {
        throw new Error("layout failed");
      }),
    ).rejects.toThrow("layout failed");
  });
});
