import { z } from "zod";
import { PersonSchema } from "../enrolment/schemas";
import { hasUnstorableCharacters } from "../text";

// The workspace's forms, one schema each, parsed in the browser (react-hook-form) and again on the
// server. Labels and messages are Danish and say how to fix the field.

const text = (max: number, label: string) =>
  z
    .string({ error: `Skriv ${label.toLowerCase()}` })
    .trim()
    .max(max, `${label} må højst være ${max} tegn`)
    .refine((v) => !hasUnstorableCharacters(v), `${label} indeholder tegn, vi ikke kan gemme – skriv teksten igen`);
const required = (max: number, label: string) => text(max, label).min(1, `Skriv ${label.toLowerCase()}`);
const optional = (max: number, label: string) => text(max, label).optional().default("");

/** A calendar date as <input type="date"> posts it (yyyy-mm-dd), and a real one (no 31 February). */
const date = (label: string) =>
  z
    .string({ error: `Skriv ${label.toLowerCase()} som en dato` })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), `Skriv ${label.toLowerCase()} som en dato, fx 2027-03-01`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
    }, `${label} er ikke en gyldig dato`);

export const SECTIONS = ["BEHAVIOUR", "PRECONDITION", "ACTIVITY", "EFFECT"] as const;
export type Section = (typeof SECTIONS)[number];

/** Each section's Danish name and its anchor on the page (one name per meaning). */
export const SECTION_LABELS: Record<Section, { title: string; anchor: string; add: string }> = {
  BEHAVIOUR: { title: "Adfærdsmål", anchor: "adfaerd", add: "Tilføj et adfærdsmål" },
  PRECONDITION: { title: "Forudsætninger", anchor: "forudsaetninger", add: "Tilføj en forudsætning" },
  ACTIVITY: { title: "Aktiviteter", anchor: "aktiviteter", add: "Tilføj en aktivitet" },
  EFFECT: { title: "Effektmål og resultater", anchor: "effekt", add: "Tilføj et effektmål" },
};

export const PRECONDITION_KINDS = ["CONTEXT", "TODAY", "SYSTEMS"] as const;
export const PRECONDITION_KIND_LABELS: Record<(typeof PRECONDITION_KINDS)[number], string> = {
  CONTEXT: "Kontekst",
  TODAY: "Adfærd i dag",
  SYSTEMS: "Systemer og data",
};
export const PRECONDITION_STATUSES = ["IN_PLACE", "MISSING", "UNKNOWN"] as const;
export const PRECONDITION_STATUS_LABELS: Record<(typeof PRECONDITION_STATUSES)[number], string> = {
  IN_PLACE: "På plads",
  MISSING: "Mangler",
  UNKNOWN: "Ved ikke endnu",
};

export const WorkspaceCreateSchema = z.object({ title: required(200, "Løsningens navn") });

export const WorkspaceBasicsSchema = z.object({
  title: required(200, "Løsningens navn"),
  solution: optional(2000, "Løsningen"),
  gain: optional(2000, "Gevinsten"),
});

export const BehaviourSchema = z.object({
  who: required(200, "Hvem"),
  text: required(1000, "Hvad de gør anderledes"),
  startsOn: date("Fra hvornår"),
  evidence: required(1000, "Hvordan det kan ses"),
});

export const PreconditionSchema = z.object({
  kind: z.enum(PRECONDITION_KINDS, { error: "Vælg, hvilken slags forudsætning det er" }),
  text: required(1000, "Forudsætningen"),
  status: z.enum(PRECONDITION_STATUSES, { error: "Vælg, om forudsætningen er på plads" }),
});

export const ActivitySchema = z.object({
  text: required(1000, "Aktiviteten"),
  ownerName: required(200, "Ejerens navn"),
  ownerRole: required(200, "Ejerens rolle"),
  dueOn: date("Frist"),
});

export const EffectSchema = z.object({
  text: required(1000, "Effektmålet"),
  measure: required(1000, "Hvordan det måles"),
  followUpOn: date("Opfølgningsdato"),
  result: optional(2000, "Resultatet"),
});

export const ITEM_SCHEMAS = { BEHAVIOUR: BehaviourSchema, PRECONDITION: PreconditionSchema, ACTIVITY: ActivitySchema, EFFECT: EffectSchema } as const;
export type ItemInput = z.infer<typeof BehaviourSchema> | z.infer<typeof PreconditionSchema> | z.infer<typeof ActivitySchema> | z.infer<typeof EffectSchema>;

export const ShareSchema = z.object({
  colleagueName: required(200, "Kollegaens navn"),
  colleagueEmail: PersonSchema.shape.email,
});

export const TeacherShareSchema = z.object({
  share: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
