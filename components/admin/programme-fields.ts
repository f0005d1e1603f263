import type { FieldSpec } from "@/components/ui/action-form";
import { INVOICE_GROUPING_LABELS } from "@/lib/invoicing/schemas";
import { PROGRAMME_STATUS_LABELS, textFromContent } from "@/lib/programmes/schemas";
import type { ProgrammeContent } from "@/lib/programmes/content";
import { optionsOf } from "@/components/ui/options";

type ProgrammeLike = {
  title: string; slug: string; status: string; summary: string; audience: string; providerName: string; partnerName: string | null;
  priceOre: number; vatRateBp: number; priceIncludes: string[]; bindingEnrolment: boolean; substitutionAllowed: boolean; invoiceGrouping?: string; autoInvoice?: boolean;
  termsText: string; termsVersion: string; completionMinAttendancePct: number; reminderDaysBefore?: number; workspaceMailDaysBefore?: number; contactName: string | null; contactTitle: string | null;
  contactPhone: string | null; contactEmail: string | null; content: ProgrammeContent;
};

const decimal = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(".", ","));

/** The programme form's fields, filled from a programme when editing. Each says whether it must be filled in. */
export function programmeFields(p?: ProgrammeLike): FieldSpec[] {
  const text = p ? textFromContent(p.content) : { lead: "", sections: "", advice: "" };
  return [
    { name: "title", label: "Titel", required: true, maxLength: 200, defaultValue: p?.title },
    { name: "slug", label: "Adresse (i URL’en)", required: true, maxLength: 80, hint: "Fx kommunernes-implementeringsuddannelse", defaultValue: p?.slug },
    { name: "status", label: "Status", type: "select", required: true, defaultValue: p?.status ?? "DRAFT", options: optionsOf(PROGRAMME_STATUS_LABELS) },
    { name: "summary", label: "Resumé", type: "textarea", required: true, maxLength: 500, hint: "Vises øverst og i søgemaskiner.", defaultValue: p?.summary },
    { name: "audience", label: "Målgruppe", type: "textarea", required: true, maxLength: 500, defaultValue: p?.audience },
    { name: "providerName", label: "Udbyder", required: true, maxLength: 200, defaultValue: p?.providerName ?? "KL" },
    { name: "partnerName", label: "Samarbejdspartner", required: false, maxLength: 200, defaultValue: p?.partnerName ?? "" },
    { name: "priceKr", label: "Pris pr. deltager (kr. ekskl. moms)", required: true, maxLength: 12, defaultValue: p ? decimal(p.priceOre / 100) : "" },
    { name: "vatPct", label: "Momssats (%)", required: true, maxLength: 5, defaultValue: p ? decimal(p.vatRateBp / 100) : "25" },
    { name: "priceIncludes", label: "Prisen dækker", required: false, type: "textarea", maxLength: 2000, hint: "Én ting pr. linje.", defaultValue: p?.priceIncludes.join("\n") ?? "" },
    { name: "bindingEnrolment", label: "Tilmeldingen er bindende", type: "checkbox", defaultValue: (p?.bindingEnrolment ?? true) ? "on" : "" },
    { name: "substitutionAllowed", label: "Deltagere må sende en kollega i deres sted", type: "checkbox", defaultValue: (p?.substitutionAllowed ?? true) ? "on" : "" },
    {
      name: "invoiceGrouping", label: "Fakturering", type: "select", required: true, defaultValue: p?.invoiceGrouping ?? "PER_ORGANISATION",
      hint: "Interne hold faktureres altid samlet til værten.", options: optionsOf(INVOICE_GROUPING_LABELS),
    },
    { name: "autoInvoice", label: "Udsted holdets fakturaer automatisk, når første kursusdag er begyndt", type: "checkbox", defaultValue: p?.autoInvoice ? "on" : "" },
    { name: "termsText", label: "Vilkår", type: "textarea", required: true, maxLength: 5000, defaultValue: p?.termsText },
    { name: "termsVersion", label: "Vilkårenes version", required: true, maxLength: 40, hint: "Gemmes med hver accept; skift den, når vilkårene ændres.", defaultValue: p?.termsVersion },
    { name: "completionMinAttendancePct", label: "Gennemført ved fremmøde på mindst (%)", type: "number", required: true, defaultValue: String(p?.completionMinAttendancePct ?? 100) },
    { name: "reminderDaysBefore", label: "Påmindelse før hvert modul (dage før første dag)", type: "number", required: false, hint: "Deltagerne får det praktiske, forberedelsen og kalenderfilen så mange dage før. Tomt felt: 7 dage.", defaultValue: String(p?.reminderDaysBefore ?? 7) },
    { name: "workspaceMailDaysBefore", label: "Mail om implementeringsstilladset, dage før modul 2", type: "number", required: false, hint: "Deltagerne bliver spurgt, hvordan det går, og får linket til deres stillads. Tom: 14 dage.", defaultValue: String(p?.workspaceMailDaysBefore ?? 14) },
    { name: "contactName", label: "Kontaktperson", required: false, maxLength: 200, defaultValue: p?.contactName ?? "" },
    { name: "contactTitle", label: "Kontaktpersonens titel", required: false, maxLength: 200, defaultValue: p?.contactTitle ?? "" },
    { name: "contactPhone", label: "Kontaktpersonens telefon", required: false, maxLength: 30, defaultValue: p?.contactPhone ?? "" },
    { name: "contactEmail", label: "Kontaktpersonens e-mail", required: false, type: "email", maxLength: 254, defaultValue: p?.contactEmail ?? "" },
    { name: "lead", label: "Indledning", type: "textarea", required: true, maxLength: 10000, hint: "Afsnit adskilles af en tom linje.", defaultValue: text.lead },
    { name: "sections", label: "Afsnit", required: false, type: "textarea", maxLength: 30000, hint: "Hvert afsnit starter med en linje “## Overskrift”.", defaultValue: text.sections },
    { name: "advice", label: "Gode råd", required: false, type: "textarea", maxLength: 10000, hint: "Første linje er overskriften, derefter én linje pr. råd: “Titel: tekst”.", defaultValue: text.advice },
  ];
}

/** A module's fields, for "tilføj modul" and "ret modulet". */
export function moduleFields(m?: { title: string; description: string | null; durationDays: number; preparation?: string | null }): FieldSpec[] {
  return [
    { name: "title", label: "Modulets titel", required: true, maxLength: 200, defaultValue: m?.title ?? "" },
    { name: "description", label: "Beskrivelse", type: "textarea", required: false, maxLength: 3000, defaultValue: m?.description ?? "" },
    { name: "durationDays", label: "Antal dage", type: "number", required: true, defaultValue: String(m?.durationDays ?? 1) },
    { name: "preparation", label: "Forberedelse", type: "textarea", required: false, maxLength: 3000, hint: "Hvad deltagerne skal læse, tænke over eller have med. Står i påmindelsen før modulet.", defaultValue: m?.preparation ?? "" },
  ];
}
