import { z } from "zod";
import { KRONER_FORMAT_MESSAGE, parseKroner } from "../money";

// The cohort form ("opret hold"), shared by the browser and the server.

const date = (label: string) =>
  z.string({ error: `${label} mangler` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Vælg ${label.toLowerCase()}`);
const time = (label: string) => z.string({ error: `${label} mangler` }).trim().regex(/^\d{2}:\d{2}$/, `Skriv ${label.toLowerCase()} som tt:mm`);

/** A cohort's own price in kroner ex VAT ("9.500,50" as the site writes it); empty means the programme's list price. */
const priceOverrideKr = z
  .string()
  .trim()
  .max(20, KRONER_FORMAT_MESSAGE)
  .optional()
  .default("")
  .refine((v) => v === "" || parseKroner(v) !== null, KRONER_FORMAT_MESSAGE);

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

type Issue = { path: PropertyKey[]; message: string };

/** Whether parsing found nothing wrong at `path` or below it, so a rule across fields may rely on the value. */
function validAt(issues: ReadonlyArray<{ path?: readonly PropertyKey[] }>, path: PropertyKey[]): boolean {
  return !issues.some((i) => path.every((key, k) => i.path?.[k] === key));
}

/**
 * The rules across fields of "opret hold": the enrolment window, days that overlap, the first course
 * day after enrolment opens, each module once. Each rule looks only at values that are valid in
 * themselves, so it is reported together with the errors of other fields, and a rule never fires on
 * an empty or malformed value (no "open before the first day" while no day has a valid date).
 */
export function cohortCrossFieldIssues(value: unknown, issues: ReadonlyArray<{ path?: readonly PropertyKey[] }>): Issue[] {
  if (!value || typeof value !== "object") return [];
  const v = value as Record<string, unknown>;
  const out: Issue[] = [];
  const ok = (...path: PropertyKey[]) => validAt(issues, path);
  const opens = ok("enrolmentOpens") && typeof v.enrolmentOpens === "string" ? v.enrolmentOpens : undefined;
  const closes = ok("enrolmentCloses") && typeof v.enrolmentCloses === "string" ? v.enrolmentCloses : undefined;
  if (opens && closes && closes < opens) {
    out.push({ path: ["enrolmentCloses"], message: "Tilmeldingen skal lukke efter, den åbner" });
  }
  const sessions = Array.isArray(v.sessions) ? (v.sessions as Array<Record<string, unknown> | undefined>) : [];
  const days = sessions.flatMap((s, si) =>
    (Array.isArray(s?.days) ? (s.days as Array<{ date: string; start: string; end: string }>) : [])
      .map((d, di) => ({ ...d, si, di }))
      .filter((d) => ok("sessions", d.si, "days", d.di)),
  );
  const sorted = [...days].sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.date === b.date && b.start < a.end) {
      out.push({ path: ["sessions", b.si, "days", b.di, "start"], message: "Dagen overlapper en anden dag på holdet" });
    }
  }
  // Any valid day on or before the opening date puts the first day there too.
  if (opens && sorted[0] && sorted[0].date <= opens) {
    out.push({ path: ["enrolmentOpens"], message: "Tilmeldingen skal åbne før første kursusdag" });
  }
  const modules = sessions.filter((s, si) => ok("sessions", si, "moduleId") && typeof s?.moduleId === "string").map((s) => s!.moduleId);
  if (new Set(modules).size !== modules.length) {
    out.push({ path: ["sessions"], message: "Hvert modul kan kun optræde én gang på et hold" });
  }
  return out;
}

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
  // zod skips a refinement once any field has failed; `when` runs it anyway (the rules check which
  // values they may trust), so the form shows every problem at once.
  .superRefine(
    (_v, ctx) => {
      for (const issue of cohortCrossFieldIssues(ctx.value, ctx.issues)) ctx.addIssue({ code: "custom", ...issue });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

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
  .superRefine(
    (_v, ctx) => {
      const v = ctx.value as Record<string, unknown>;
      const ok = (k: string) => validAt(ctx.issues, [k]) && typeof v[k] === "string";
      if (ok("enrolmentOpens") && ok("enrolmentCloses") && (v.enrolmentCloses as string) < (v.enrolmentOpens as string)) {
        ctx.addIssue({ code: "custom", path: ["enrolmentCloses"], message: "Tilmeldingen skal lukke efter, den åbner" });
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
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
