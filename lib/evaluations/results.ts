import "server-only";
import { db } from "../db";
import type { Table } from "../exports/format";

// Results for coordinators. Every figure is aggregated in SQL (counts, means, medians, distributions)
// so a form with many thousands of responses is summarised without loading its answers.

export const FREE_TEXT_SHOWN = 200;

export interface ScaleResult {
  kind: "SCALE";
  n: number;
  mean: number | null;
  median: number | null;
  min: number;
  max: number;
  /** Count per value from min to max (zeros included). */
  distribution: Array<{ value: number; count: number }>;
}
export interface ChoiceResult {
  kind: "SINGLE_CHOICE";
  n: number;
  counts: Array<{ option: string; count: number }>;
}
export interface TextResult {
  kind: "FREE_TEXT";
  n: number;
  /** The newest answers (as many as asked for); `name` only on named forms. */
  texts: Array<{ text: string; name: string | null }>;
}
export type QuestionResult = { id: string; key: string; prompt: string; minLabel: string | null; maxLabel: string | null } & (ScaleResult | ChoiceResult | TextResult);

export interface FormResults {
  form: { id: string; title: string; anonymous: boolean; version: number; closesAt: Date | null; cohortId: string; cohortName: string; moduleTitle: string | null; programmeId: string };
  invited: number;
  responded: number;
  /** responded / invited, 0..1, or null when nobody is invited. */
  responseRate: number | null;
  questions: QuestionResult[];
}

interface FormRow {
  id: string;
  title: string;
  anonymous: boolean;
  version: number;
  closesAt: Date | null;
  cohortId: string;
  cohortName: string;
  programmeId: string;
  moduleTitle: string | null;
  questions: Array<{
    id: string; key: string; kind: "SCALE" | "SINGLE_CHOICE" | "FREE_TEXT"; prompt: string; minLabel: string | null; maxLabel: string | null;
    scaleMin: number | null; scaleMax: number | null; options: string[];
  }> | null;
}

/**
 * `textLimit`: how many free-text answers per question to return (the page shows the newest; exports all).
 *
 * Four queries, all keyed by the form's id and sent at once (one round trip's wait): the form with its
 * questions, the response counts, the trigger-kept counts per scale value and option (the
 * evaluation_answer_counts migration: a few rows per question however many responses; n, mean and
 * median follow from them), and one page of free text. No query reads more answers than it returns.
 */
export async function getFormResults(formId: string, { textLimit = FREE_TEXT_SHOWN } = {}): Promise<FormResults | null> {
  const [forms, counts, tallies, texts] = await Promise.all([
    db.$queryRaw<FormRow[]>`
      SELECT f.id, f.title, f.anonymous, f.version, f."closesAt", f."cohortId", c.name AS "cohortName", c."programmeId", m.title AS "moduleTitle",
             (SELECT json_agg(json_build_object('id', q.id, 'key', q.key, 'kind', q.kind, 'prompt', q.prompt, 'minLabel', q."minLabel", 'maxLabel', q."maxLabel",
                                                'scaleMin', q."scaleMin", 'scaleMax', q."scaleMax", 'options', q.options) ORDER BY q.position)
                FROM "EvaluationQuestion" q WHERE q."formId" = f.id) AS questions
      FROM "EvaluationForm" f JOIN "Cohort" c ON c.id = f."cohortId" LEFT JOIN "Module" m ON m.id = f."moduleId"
      WHERE f.id = ${formId}`,
    familyCounts([formId]),
    db.$queryRaw<Array<{ kind: "SCALE" | "CHOICE" | "TEXT"; questionId: string; value: string | null; count: number }>>`
      SELECT 'SCALE' AS kind, s."questionId", s.value::text AS value, s.count
        FROM "EvaluationScaleCount" s JOIN "EvaluationQuestion" q ON q.id = s."questionId" WHERE q."formId" = ${formId} AND s.count > 0
      UNION ALL
      SELECT 'CHOICE', s."questionId", s.choice, s.count
        FROM "EvaluationChoiceCount" s JOIN "EvaluationQuestion" q ON q.id = s."questionId" WHERE q."formId" = ${formId} AND s.count > 0
      UNION ALL
      -- Free-text answers are counted from the partial index EvaluationAnswer_text_idx.
      SELECT 'TEXT', a."questionId", NULL, COUNT(*)::int
        FROM "EvaluationAnswer" a JOIN "EvaluationQuestion" q ON q.id = a."questionId"
       WHERE q."formId" = ${formId} AND q.kind = 'FREE_TEXT' AND a.text IS NOT NULL GROUP BY a."questionId"`,
    freeTextPage(formId, textLimit),
  ]);
  const form = forms[0];
  if (!form) return null;
  const { invited, responded } = counts.get(formId) ?? { invited: 0, responded: 0 };

  const questions: QuestionResult[] = (form.questions ?? []).map((q) => {
    const head = { id: q.id, key: q.key, prompt: q.prompt, minLabel: q.minLabel, maxLabel: q.maxLabel };
    if (q.kind === "SCALE") {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 10;
      const values = tallies.filter((d) => d.kind === "SCALE" && d.questionId === q.id).map((d) => ({ value: Number(d.value), count: Number(d.count) }));
      const byValue = new Map(values.map((d) => [d.value, d.count]));
      return {
        ...head, kind: "SCALE", ...scaleSummary(values), min, max,
        distribution: Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, count: byValue.get(min + i) ?? 0 })),
      };
    }
    if (q.kind === "SINGLE_CHOICE") {
      const rows = tallies.filter((c) => c.kind === "CHOICE" && c.questionId === q.id).map((c) => ({ choice: c.value!, count: c.count }));
      const byOption = new Map(rows.map((c) => [c.choice, Number(c.count)]));
      // Options in the question's order; any answer to an option since renamed is listed after them.
      const extra = rows.filter((c) => !q.options.includes(c.choice)).map((c) => c.choice);
      const options = [...q.options, ...extra];
      return { ...head, kind: "SINGLE_CHOICE", n: rows.reduce((t, c) => t + Number(c.count), 0), counts: options.map((o) => ({ option: o, count: byOption.get(o) ?? 0 })) };
    }
    const n = tallies.find((t) => t.kind === "TEXT" && t.questionId === q.id)?.count ?? 0;
    return { ...head, kind: "FREE_TEXT", n: Number(n), texts: texts.filter((t) => t.questionId === q.id).map((t) => ({ text: t.text, name: form.anonymous ? null : t.name })) };
  });

  return {
    form: {
      id: form.id, title: form.title, anonymous: form.anonymous, version: form.version, closesAt: form.closesAt,
      cohortId: form.cohortId, cohortName: form.cohortName, moduleTitle: form.moduleTitle, programmeId: form.programmeId,
    },
    invited,
    responded,
    responseRate: invited > 0 ? responded / invited : null,
    questions,
  };
}

/**
 * Count, mean and median (as PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the
 * two middle ones) of a scale question's answers, from their count per value.
 */
export function scaleSummary(values: Array<{ value: number; count: number }>): { n: number; mean: number | null; median: number | null } {
  const sorted = values.filter((v) => v.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((t, v) => t + v.count, 0);
  if (n === 0) return { n: 0, mean: null, median: null };
  const sum = sorted.reduce((t, v) => t + v.value * v.count, 0);
  // The value at a 0-based position in the sorted answers.
  const at = (position: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.count;
      if (position < seen) return v.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { n, mean: sum / n, median };
}

/**
 * The first `limit` answers of each of the form's free-text questions: the newest first on a named
 * form; in id order on an anonymous one (by time, the newest could be matched to the last to answer),
 * read straight from the partial index EvaluationAnswer_text_idx. Only that page is read.
 */
function freeTextPage(formId: string, limit: number) {
  return db.$queryRaw<Array<{ questionId: string; text: string; name: string | null }>>`
    SELECT q.id AS "questionId", t.text, t.name
    FROM "EvaluationQuestion" q
    JOIN "EvaluationForm" f ON f.id = q."formId"
    CROSS JOIN LATERAL (
      (SELECT a.id, a.text, NULL::text AS name, NULL::timestamptz AS "submittedAt"
         FROM "EvaluationAnswer" a
        WHERE f.anonymous AND a."questionId" = q.id AND a.text IS NOT NULL
        ORDER BY a.id LIMIT ${limit})
      UNION ALL
      (SELECT a.id, a.text, p.name, r."submittedAt"
         FROM "EvaluationAnswer" a
         JOIN "EvaluationResponse" r ON r.id = a."responseId"
         LEFT JOIN "EvaluationInvitation" i ON i.id = r."invitationId"
         LEFT JOIN "Enrolment" e ON e.id = i."enrolmentId"
         LEFT JOIN "Person" p ON p.id = e."personId"
        WHERE NOT f.anonymous AND a."questionId" = q.id AND a.text IS NOT NULL
        ORDER BY r."submittedAt" DESC, a.id LIMIT ${limit})
    ) t
    WHERE q."formId" = ${formId} AND q.kind = 'FREE_TEXT'
    ORDER BY q.id, t."submittedAt" DESC NULLS LAST, t.id`;
}

/**
 * Invited and responded per form, counted over its whole family of versions: a new version takes over
 * only the unused links, so one version alone would show a false rate (the old one 100 %).
 */
export async function familyCounts(formIds: string[]): Promise<Map<string, { invited: number; responded: number }>> {
  if (formIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ formId: string; invited: bigint; responded: bigint }>>`
    WITH RECURSIVE up AS (
      SELECT id AS start, id, "supersedesId" FROM "EvaluationForm" WHERE id = ANY(${formIds})
      UNION ALL
      SELECT up.start, f.id, f."supersedesId" FROM "EvaluationForm" f JOIN up ON f.id = up."supersedesId"
    ), down AS (
      SELECT up.start, up.id FROM up WHERE up."supersedesId" IS NULL
      UNION ALL
      SELECT down.start, f.id FROM "EvaluationForm" f JOIN down ON f."supersedesId" = down.id
    )
    -- Counted per version through the (formId, usedAt) index: a join let the planner read every
    -- invitation of every form (a sequential scan of 100 000 rows for one form's 5 000).
    SELECT down.start AS "formId", SUM(c.invited)::bigint AS invited, SUM(c.responded)::bigint AS responded
    FROM down CROSS JOIN LATERAL (
      SELECT COUNT(*) AS invited, COUNT(i."usedAt") AS responded FROM "EvaluationInvitation" i WHERE i."formId" = down.id
    ) c
    GROUP BY down.start`;
  return new Map(rows.map((r) => [r.formId, { invited: Number(r.invited), responded: Number(r.responded) }]));
}

export interface CohortComparison {
  questions: Array<{ key: string; prompt: string }>;
  cohorts: Array<{
    id: string;
    name: string;
    invited: number;
    responded: number;
    scores: Record<string, { mean: number; n: number } | undefined>;
  }>;
}

/** Means per cohort of every scale question key in the programme's forms: one row per cohort. */
export async function getProgrammeComparison(programmeId: string): Promise<CohortComparison> {
  const [scores, counts, prompts] = await Promise.all([
    db.$queryRaw<Array<{ cohortId: string; key: string; n: bigint; mean: number }>>`
      SELECT f."cohortId", q.key, COUNT(*) AS n, AVG(a."scaleValue")::float8 AS mean
      FROM "EvaluationAnswer" a
      JOIN "EvaluationQuestion" q ON q.id = a."questionId" AND q.kind = 'SCALE'
      JOIN "EvaluationForm" f ON f.id = q."formId"
      JOIN "Cohort" c ON c.id = f."cohortId" AND c."programmeId" = ${programmeId}
      WHERE a."scaleValue" IS NOT NULL
      GROUP BY f."cohortId", q.key`,
    db.$queryRaw<Array<{ cohortId: string; name: string; invited: bigint; responded: bigint; firstDay: Date | null }>>`
      SELECT c.id AS "cohortId", c.name, COUNT(i.id) AS invited, COUNT(i."usedAt") AS responded,
             (SELECT MIN(d."startsAt") FROM "SessionDay" d JOIN "Session" s ON s.id = d."sessionId" WHERE s."cohortId" = c.id) AS "firstDay"
      FROM "Cohort" c
      JOIN "EvaluationForm" f ON f."cohortId" = c.id
      LEFT JOIN "EvaluationInvitation" i ON i."formId" = f.id
      WHERE c."programmeId" = ${programmeId}
      GROUP BY c.id, c.name
      ORDER BY "firstDay" NULLS LAST, c.name`,
    db.$queryRaw<Array<{ key: string; prompt: string }>>`
      SELECT DISTINCT ON (q.key) q.key, q.prompt
      FROM "EvaluationQuestion" q JOIN "EvaluationForm" f ON f.id = q."formId" JOIN "Cohort" c ON c.id = f."cohortId"
      WHERE c."programmeId" = ${programmeId} AND q.kind = 'SCALE'
      ORDER BY q.key, q.position, f."createdAt" DESC`,
  ]);
  return {
    questions: prompts,
    cohorts: counts.map((c) => ({
      id: c.cohortId,
      name: c.name,
      invited: Number(c.invited),
      responded: Number(c.responded),
      scores: Object.fromEntries(scores.filter((s) => s.cohortId === c.cohortId).map((s) => [s.key, { mean: s.mean, n: Number(s.n) }])),
    })),
  };
}

const number1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The results as one table for CSV/XLSX: one row per figure, then every free-text answer. */
export function resultsTable(r: FormResults): Table {
  const rows: Table["rows"] = [
    ["Inviterede", "", "", r.invited],
    ["Besvarelser", "", "", r.responded],
    ["Svarprocent", "", "", r.responseRate === null ? null : Math.round(r.responseRate * 1000) / 10],
  ];
  for (const q of r.questions) {
    if (q.kind === "SCALE") {
      rows.push([q.prompt, "Antal svar", "", q.n], [q.prompt, "Gennemsnit", "", number1(q.mean)], [q.prompt, "Median", "", number1(q.median)]);
      for (const d of q.distribution) rows.push([q.prompt, "Fordeling", String(d.value), d.count]);
    } else if (q.kind === "SINGLE_CHOICE") {
      rows.push([q.prompt, "Antal svar", "", q.n]);
      for (const c of q.counts) rows.push([q.prompt, "Valg", c.option, c.count]);
    } else {
      rows.push([q.prompt, "Antal svar", "", q.n]);
      for (const t of q.texts) rows.push([q.prompt, t.name ? `Svar (${t.name})` : "Svar", t.text, null]);
    }
  }
  return { title: `Evaluering ${r.form.cohortName}`, headers: ["Spørgsmål", "Mål", "Værdi/tekst", "Tal"], rows };
}
