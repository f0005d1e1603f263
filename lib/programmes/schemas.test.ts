import { describe, expect, it } from "vitest";
import { KIU_CONTENT } from "@/prisma/seed/programme-content";
import { ProgrammeContentSchema } from "./content";
import { kronerToOre } from "../money";
import { contentFromText, pctToBp, ProgrammeSchema, textFromContent } from "./schemas";

describe("programme page copy as text", () => {
  it("round-trips the seeded programme's content", () => {
    const text = textFromContent(KIU_CONTENT);
    expect(text.sections.startsWith("## Hvorfor er digital implementering svær?")).toBe(true);
    expect(ProgrammeContentSchema.parse(contentFromText(text))).toEqual(KIU_CONTENT);
  });

  it("converts Danish amounts", () => {
    expect(kronerToOre("12950")).toBe(1_295_000);
    expect(kronerToOre("12950,50")).toBe(1_295_050);
    expect(kronerToOre("12.950,50")).toBe(1_295_050);
    expect(pctToBp("25")).toBe(2500);
  });

  it("explains a malformed sections or advice text in Danish", () => {
    const r = ProgrammeSchema.safeParse({
      title: "T", slug: "t", status: "DRAFT", summary: "s", audience: "a", providerName: "KL", priceKr: "12,95,0", vatPct: "25",
      termsText: "v", termsVersion: "1", completionMinAttendancePct: "100", lead: "x", sections: "Ingen overskrift", advice: "Råd\nuden kolon",
    });
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      priceKr: "Skriv prisen i kroner, fx 9500, 9.500,50 eller 9500,50",
      sections: "Start hvert afsnit med en linje “## Overskrift”",
      advice: "Første linje er overskriften; derefter én linje pr. råd som “Titel: tekst”",
    });
  });
});

describe("programme price", () => {
  it("accepts the price as the site writes it, and as people type it", () => {
    const base = {
      title: "T", slug: "t", status: "DRAFT", summary: "s", audience: "a", providerName: "KL", vatPct: "25",
      termsText: "v", termsVersion: "1", completionMinAttendancePct: "100", lead: "x", sections: "", advice: "",
    };
    for (const priceKr of ["9.500,50", "9500,50", "9500.50"]) {
      const r = ProgrammeSchema.safeParse({ ...base, priceKr });
      expect(r.success, priceKr).toBe(true);
      expect(kronerToOre(r.data!.priceKr)).toBe(950_050);
    }
  });
});
