import { z } from "zod";

// The cohort form ("opret hold"), shared by the browser and the server.

const date = (label: string) =>
  z.string({ error: `${label} mangler` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Vælg ${label.toLowerCase()}`);
const time = (label: string) => z.string({ error: `${label} mangler` }).trim().regex(/^\d{2}:\d{2}$/, `Skriv ${label.toLowerCase()} som tt:mm`);

/** A cohort's own price in whole kroner ex VAT; empty means the programme's list price. */
const priceOverrideKr = z
  .string()
  .trim()
  .max(12)
  .optional()
  .default("")
  .refine((v) => v === "" || /^\d{1,7}$/.test(v), "Skriv prisen i hele kroner uden punktum, fx 12950");

export const SessionDaySchema = z
  .object({ date: date("Dato"), start: time("Starttid"), end: time("Sluttid") })
  .refine((d) => d.end > d.start, { path: ["end"], message: "Sluttid skal være efter starttid" })
  .refine((d) => d.date >= "2020-01-01" && d.date <= "2100-12-31", { path: ["date"], message: "Datoen ligger uden for det mulige" });

export const SessionInputSchema = z.object({
  moduleId: z.string().min(1).max(40),
  venueId: z.string().max(40).optional().default(""),
  roomId: z.string().max(40).optional().default(""),
  days: z.array(SessionDaySchema).min(1, "Et modul skal have mindst én dag").max(10, "Højst 10 dage pr. modul"),
});

export const CohortCreateSchema = z
  .object({
    programmeId: z.string({ error: "Vælg en uddannelse" }).min(1, "Vælg en uddannelse").max(40),
    name: z.string().trim().min(1, "Skriv holdets navn").max(100, "Navnet må højst være 100 tegn"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, "Brug små bogstaver a–z, tal og bindestreger, fx efteraar-2027"),
    capacity: z.coerce.number({ error: "Skriv antal pladser" }).int("Skriv et helt tal").min(1, "Mindst 1 plads").max(1000, "Højst 1000 pladser"),
    enrolmentOpens: date("Åbningsdato"),
    enrolmentCloses: date("Lukkedato"),
    priceOverrideKr,
    sessions: z.array(SessionInputSchema).min(1, "Holdet skal have mindst ét modul").max(20),
  })
  .superRefine((v, ctx) => {
    if (v.enrolmentCloses < v.enrolmentOpens) {
      ctx.addIssue({ code: "custom", path: ["enrolmentCloses"], message: "Tilmeldingen skal lukke efter, den åbner" });
    }
    const days = v.sessions.flatMap((s, si) => s.days.map((d, di) => ({ ...d, si, di })));
    const sorted = [...days].sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (a.date === b.date && b.start < a.end) {
        ctx.addIssue({ code: "custom", path: ["sessions", b.si, "days", b.di, "start"], message: "Dagen overlapper en anden dag på holdet" });
      }
    }
    const first = sorted[0];
    if (first && first.date <= v.enrolmentOpens) {
      ctx.addIssue({ code: "custom", path: ["enrolmentOpens"], message: "Tilmeldingen skal åbne før første kursusdag" });
    }
    const modules = v.sessions.map((s) => s.moduleId);
    if (new Set(modules).size !== modules.length) {
      ctx.addIssue({ code: "custom", path: ["sessions"], message: "Hvert modul kan kun optræde én gang på et hold" });
    }
  });

export type CohortCreateInput = z.output<typeof CohortCreateSchema>;
export type CohortCreateValues = z.input<typeof CohortCreateSchema>;

export const COHORT_STATUS_LABELS = { DRAFT: "Kladde", PUBLISHED: "Offentliggjort", CLOSED: "Lukket", COMPLETED: "Afsluttet" } as const;
export const CohortStatusSchema = z.object({ status: z.enum(["DRAFT", "PUBLISHED", "CLOSED", "COMPLETED"], { error: "Vælg en gyldig status" }) });

export const CancelEnrolmentSchema = z.object({
  reason: z.string().trim().min(1, "Skriv en begrundelse").max(1000, "Begrundelsen må højst være 1000 tegn"),
});

/** Editing a cohort's own fields ("ret hold"); sessions are edited separately. */
export const CohortUpdateSchema = z
  .object({
    name: z.string().trim().min(1, "Skriv holdets navn").max(100, "Navnet må højst være 100 tegn"),
    capacity: z.coerce.number({ error: "Skriv antal pladser" }).int("Skriv et helt tal").min(1, "Mindst 1 plads").max(1000, "Højst 1000 pladser"),
    enrolmentOpens: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Vælg åbningsdato"),
    enrolmentCloses: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Vælg lukkedato"),
    priceOverrideKr,
  })
  .refine((v) => v.enrolmentCloses >= v.enrolmentOpens, { path: ["enrolmentCloses"], message: "Tilmeldingen skal lukke efter, den åbner" });
export type CohortUpdateInput = z.output<typeof CohortUpdateSchema>;

/** Editing one module's session on a cohort: place and the times of its existing days. */
export const SessionUpdateSchema = z.object({
  venueId: z.string().max(40).optional().default(""),
  roomId: z.string().max(40).optional().default(""),
  days: z
    .array(SessionDaySchema.and(z.object({ id: z.string().min(1).max(40) })))
    .min(1, "Et modul skal have mindst én dag")
    .max(10),
});
export type SessionUpdateInput = z.output<typeof SessionUpdateSchema>;
