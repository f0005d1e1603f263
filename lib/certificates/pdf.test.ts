import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/helpers/pdf-text";
import { formatDays, renderCertificatePdf } from "./pdf";


const content = {
  code: "ABCD-EFGH-JKMN-PQRS-TVWX",
  verifyUrl: "https://stillads.example/kursusbevis/ABCD-EFGH-JKMN-PQRS-TVWX",
  participantName: "Søren Ærø Ågård",
  organisationName: "Syddjurs Kommune",
  programmeTitle: "Kommunernes Implementeringsuddannelse",
  providerName: "KL",
  partnerName: "LEAD",
  completedAt: new Date("2023-10-31T15:00:00Z"),
  modules: [
    { position: 1, title: "Det digitale implementeringsstillads", days: [new Date("2023-08-21T07:00:00Z"), new Date("2023-08-22T07:00:00Z")], hours: 14 },
    { position: 2, title: "Fra strategi til adfærdsmål til resultat", days: [new Date("2023-10-30T08:00:00Z"), new Date("2023-10-31T08:00:00Z")], hours: 13.5 },
  ],
};

describe("the kursusbevis PDF", () => {
  it("is one A4 page stating who, what, with whom, each module's days and hours, and how to verify it", async () => {
    const pdf = await renderCertificatePdf(content);
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const s of ["Kursusbevis", "Søren Ærø Ågård", "Syddjurs Kommune", "Kommunernes Implementeringsuddannelse", "udbudt af KL i samarbejde med LEAD", "Gennemført 31. oktober 2023",
      "Modul 1: Det digitale implementeringsstillads", "21. august 2023 og 22. august 2023 · 14 timer", "13,5 timer", "I alt 27,5 timer", "Verifikationskode: ABCD-EFGH-JKMN-PQRS-TVWX", content.verifyUrl]) {
      expect(text).toContain(s);
    }
  });

  it("lists days in Danish", () => {
    expect(formatDays([])).toBe("");
    expect(formatDays([new Date("2023-08-21T07:00:00Z"), new Date("2023-08-22T07:00:00Z"), new Date("2023-08-23T07:00:00Z")])).toBe("21. august 2023, 22. august 2023 og 23. august 2023");
  });
});
