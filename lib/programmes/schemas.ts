import { z } from "zod";
import { KRONER_FORMAT_MESSAGE, parseKroner } from "../money";
import type { ProgrammeContent } from "./content";

// The programme form. Page copy is edited as plain text in a small, documented format and turned
// into the structured content (lib/programmes/content.ts) on save:
//   lead:      paragraphs separated by a blank line
//   sections:  "## Heading" lines, each followed by its paragraphs
//   advice:    a first line with the heading, then one "Title: text" line per piece of advice

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Each programme status's Danish name, as the admin list and the audit log show it. */
export const PROGRAMME_STATUS_LABELS = { DRAFT: "Kladde", PUBLISHED: "Offentliggjort", ARCHIVED: "Arkiveret" } as const;

export const ProgrammeSchema = z
  .object({
    title: z.string().trim().min(1, "Skriv uddannelsens titel").max(200, "Titlen må højst være 200 tegn"),
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, "Brug små bogstaver a–z, tal og bindestreger"),
    status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"], { error: "Vælg en status" }),
    summary: z.string().trim().min(1, "Skriv et resumé").max(500, "Resuméet må højst være 500 tegn"),
    audience: z.string().trim().min(1, "Skriv målgruppen").max(500, "Højst 500 tegn"),
    providerName: z.string().trim().min(1, "Skriv udbyderen").max(200),
    partnerName: z.string().trim().max(200).optional().default(""),
    priceKr: z.string().trim().max(20, KRONER_FORMAT_MESSAGE).refine((v) => parseKroner(v) !== null, KRONER_FORMAT_MESSAGE),
    vatPct: z.string().trim().regex(/^\d{1,2}(,\d{1,2})?$|^100$/, "Skriv momssatsen i procent, fx 25"),
    priceIncludes: z.string().trim().max(2000).optional().default(""),
    bindingEnrolment: checkbox,
    substitutionAllowed: checkbox,
    autoInvoice: checkbox,
    invoiceGrouping: z.enum(["PER_ENROLMENT", "PER_ORGANISATION"], { error: "Vælg hvordan der faktureres" }).default("PER_ORGANISATION"),
    termsText: z.string().trim().min(1, "Skriv vilkårene").max(5000, "Højst 5000 tegn"),
    termsVersion: z.string().trim().min(1, "Skriv en version, fx datoen").max(40),
    completionMinAttendancePct: z.coerce.number({ error: "Skriv en procentsats" }).int("Skriv et helt tal").min(1, "Mindst 1 %").max(100, "Højst 100 %"),
    // Left empty (or by an older form): the default, 7 days.
    reminderDaysBefore: z.preprocess((v) => (v === "" || v === undefined ? 7 : v), z.coerce.number({ error: "Skriv et antal dage" }).int("Skriv et helt tal").min(1, "Mindst 1 dag").max(60, "Højst 60 dage")),
    workspaceMailDaysBefore: z.preprocess(
      (v) => (v === undefined || v === "" ? 14 : v),
      z.coerce.number({ error: "Skriv et antal dage" }).int("Skriv et helt antal dage").min(1, "Mindst 1 dag").max(90, "Højst 90 dage"),
    ),
    contactName: z.string().trim().max(200).optional().default(""),
    contactTitle: z.string().trim().max(200).optional().default(""),
    contactPhone: z.string().trim().max(30).optional().default(""),
    contactEmail: z.union([z.literal(""), z.string().trim().toLowerCase().pipe(z.email("Skriv en gyldig e-mailadresse"))]).optional().default(""),
    lead: z.string().trim().min(1, "Skriv mindst ét afsnit").max(10000, "Højst 10.000 tegn"),
    sections: z.string().trim().max(30000, "Højst 30.000 tegn").optional().default(""),
    advice: z.string().trim().max(10000, "Højst 10.000 tegn").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.sections && !v.sections.startsWith("## ")) ctx.addIssue({ code: "custom", path: ["sections"], message: "Start hvert afsnit med en linje “## Overskrift”" });
    const adviceLines = v.advice.split("\n").slice(1).filter((l) => l.trim());
    if (v.advice && (adviceLines.length === 0 || adviceLines.some((l) => !/^[^:]{1,200}:\s*\S/.test(l)))) {
      ctx.addIssue({ code: "custom", path: ["advice"], message: "Første linje er overskriften; derefter én linje pr. råd som “Titel: tekst”" });
    }
  });
export type ProgrammeInput = z.output<typeof ProgrammeSchema>;

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);

export function contentFromText(v: Pick<ProgrammeInput, "lead" | "sections" | "advice">): ProgrammeContent {
  const sections = v.sections
    ? v.sections.split(/^## /m).filter((b) => b.trim()).map((block) => {
        const [heading = "", ...rest] = block.split("\n");
        return { heading: heading.trim(), paragraphs: paragraphs(rest.join("\n")) };
      })
    : [];
  const [adviceHeading = "", ...adviceLines] = v.advice.split("\n");
  return {
    lead: paragraphs(v.lead),
    sections,
    ...(v.advice
      ? {
          advice: {
            heading: adviceHeading.trim(),
            items: adviceLines.filter((l) => l.trim()).map((l) => {
              const i = l.indexOf(":");
              return { title: l.slice(0, i).trim(), text: l.slice(i + 1).trim() };
            }),
          },
        }
      : {}),
  };
}

export function textFromContent(c: ProgrammeContent): { lead: string; sections: string; advice: string } {
  return {
    lead: c.lead.join("\n\n"),
    sections: c.sections.map((s) => `## ${s.heading}\n${s.paragraphs.join("\n\n")}`).join("\n\n"),
    advice: c.advice ? [c.advice.heading, ...c.advice.items.map((a) => `${a.title}: ${a.text}`)].join("\n") : "",
  };
}

/** "25" % → 2500 basis points (prices: parseKroner in lib/money.ts). */
export const pctToBp = (pct: string) => Math.round(Number(pct.replace(",", ".")) * 100);

export const ModuleSchema = z.object({
  title: z.string().trim().min(1, "Skriv modulets titel").max(200, "Højst 200 tegn"),
  description: z.string().trim().max(3000, "Højst 3000 tegn").optional().default(""),
  durationDays: z.coerce.number({ error: "Skriv antal dage" }).int("Skriv et helt tal").min(1, "Mindst 1 dag").max(30, "Højst 30 dage"),
  preparation: z.string().trim().max(3000, "Højst 3000 tegn").optional().default(""),
});
export type ModuleInput = z.output<typeof ModuleSchema>;
