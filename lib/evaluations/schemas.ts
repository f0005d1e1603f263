import { z } from "zod";
import { hasUnstorableCharacters } from "../text";

// The evaluation forms' zod schemas, shared by the browser and the server: the coordinator's form
// settings and questions, publishing a score, and the participant's answers (built per form).

export const QUESTION_KINDS = ["SCALE", "SINGLE_CHOICE", "FREE_TEXT"] as const;
export type QuestionKindName = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKindName, string> = {
  SCALE: "Skala 1–10",
  SINGLE_CHOICE: "Ét valg",
  FREE_TEXT: "Fritekst",
};

export const FREE_TEXT_MAX = 4000;
const UNSTORABLE_MESSAGE = "Teksten indeholder tegn, vi ikke kan gemme – skriv den igen";
const storable = (v: string) => !hasUnstorableCharacters(v);
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Settings of a form: what it evaluates, anonymity, deadline, reminder and automatic invitations. */
export const FormSettingsSchema = z.object({
  title: z.string().trim().min(1, "Skriv formularens titel").max(200, "Titlen må højst være 200 tegn").refine(storable, UNSTORABLE_MESSAGE),
  /** "" for the whole cohort, else a module id of the cohort's programme. */
  moduleId: z.string().max(40).optional().default(""),
  anonymous: checkbox,
  autoInvite: checkbox,
  closesOn: z
    .string({ error: "Vælg en svarfrist" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Vælg en svarfrist", abort: true })
    .refine((d) => d >= "2020-01-01" && d <= "2100-12-31", "Datoen ligger uden for det mulige")
    .refine((d) => {
      const t = new Date(`${d}T12:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
    }, "Datoen findes ikke – vælg en dato i kalenderen"),
  reminderAfterDays: z.coerce
    .number({ error: "Skriv antal dage" })
    .int("Skriv et helt antal dage")
    .min(1, "Mindst 1 dag")
    .max(60, "Højst 60 dage"),
});
export type FormSettingsInput = z.output<typeof FormSettingsSchema>;

/** One question as the coordinator writes it. Options of a single-choice question: one per line. */
export const QuestionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: "Vælg en spørgsmålstype" }),
    prompt: z.string().trim().min(1, "Skriv spørgsmålet").max(500, "Spørgsmålet må højst være 500 tegn").refine(storable, UNSTORABLE_MESSAGE),
    key: z
      .string()
      .trim()
      .max(60)
      .optional()
      .default("")
      .refine((v) => v === "" || /^[a-z][a-z0-9_]{0,59}$/.test(v), "Brug små bogstaver a–z, tal og _, fx content_quality"),
    required: checkbox,
    minLabel: z.string().trim().max(60, "Højst 60 tegn").refine(storable, UNSTORABLE_MESSAGE).optional().default(""),
    maxLabel: z.string().trim().max(60, "Højst 60 tegn").refine(storable, UNSTORABLE_MESSAGE).optional().default(""),
    options: z.string().max(2000, "Højst 2000 tegn").refine(storable, UNSTORABLE_MESSAGE).optional().default(""),
  })
  .transform((q) => ({
    ...q,
    optionList: q.options
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter(Boolean),
  }))
  .superRefine((q, ctx) => {
    if (q.kind !== "SINGLE_CHOICE") return;
    if (q.optionList.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Skriv mindst to svarmuligheder, én pr. linje" });
    if (q.optionList.length > 20) ctx.addIssue({ code: "custom", path: ["options"], message: "Højst 20 svarmuligheder" });
    if (q.optionList.some((o) => o.length > 100)) ctx.addIssue({ code: "custom", path: ["options"], message: "Hver svarmulighed må højst være 100 tegn" });
    if (new Set(q.optionList).size !== q.optionList.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Svarmulighederne skal være forskellige" });
  });
export type QuestionInput = z.output<typeof QuestionSchema>;

/** Publishing one question's mean on the programme page, for one cohort or across all ("" cohort). */
export const PublishScoreSchema = z.object({
  questionKey: z.string().trim().regex(/^[a-z][a-z0-9_]{0,59}$/, "Vælg et spørgsmål"),
  cohortId: z.string().max(40).optional().default(""),
  label: z.string().trim().min(1, "Skriv teksten, der vises på siden").max(80, "Højst 80 tegn").refine(storable, UNSTORABLE_MESSAGE),
  position: z.coerce.number({ error: "Skriv et tal" }).int("Skriv et helt tal").min(1, "Mindst 1").max(50, "Højst 50"),
});
export type PublishScoreInput = z.output<typeof PublishScoreSchema>;

/** What the answer page needs to know of a question, both to render it and to validate its answer. */
export interface AnswerQuestion {
  id: string;
  kind: QuestionKindName;
  prompt: string;
  required: boolean;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
  options: string[];
}

/** The field name of a question's answer in the form ("q_" + id: ids are cuids, safe as names). */
export const answerField = (questionId: string) => `q_${questionId}`;

/**
 * The schema of one form's answers, built from its questions: the same in the browser and in the
 * server action. Output: question id → scale value, chosen option or text (absent when unanswered).
 */
export function answerSchemaFor(questions: AnswerQuestion[]) {
  const shape: Record<string, z.ZodType<number | string | undefined>> = {};
  for (const q of questions) {
    const missing = q.kind === "FREE_TEXT" ? "Skriv et svar" : "Vælg et svar";
    shape[answerField(q.id)] = z
      .string({ error: missing })
      .optional()
      .transform((raw, ctx) => {
        const v = (raw ?? "").trim();
        const error = answerError(q, v);
        if (error || (v === "" && q.required)) ctx.addIssue({ code: "custom", message: error ?? missing });
        if (error || v === "") return undefined;
        return q.kind === "SCALE" ? Number(v) : v;
      });
  }
  return z.object(shape);
}

/** What is wrong with one trimmed answer, whatever its length; an empty answer is judged by the caller. */
function answerError(q: AnswerQuestion, v: string): string | null {
  if (q.kind === "FREE_TEXT") {
    if (v.length > FREE_TEXT_MAX) return `Svaret må højst være ${FREE_TEXT_MAX} tegn`;
    return hasUnstorableCharacters(v) ? UNSTORABLE_MESSAGE : null;
  }
  if (v === "") return null;
  if (q.kind === "SCALE") {
    const min = q.scaleMin ?? 1;
    const max = q.scaleMax ?? 10;
    const n = /^\d{1,2}$/.test(v) ? Number(v) : NaN;
    return n >= min && n <= max ? null : `Vælg et tal fra ${min} til ${max}`;
  }
  return q.options.includes(v) ? null : "Vælg en af svarmulighederne";
}

/** The parsed answers as question id → value, leaving out unanswered optional questions. */
export function answersById(parsed: Record<string, number | string | undefined>): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const [name, value] of Object.entries(parsed)) {
    if (value !== undefined && name.startsWith("q_")) out.set(name.slice(2), value);
  }
  return out;
}
