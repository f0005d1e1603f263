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

/** `textLimit`: how many free-text answers per question to return (the page shows the newest; exports all). */
export async function getFormResults(formId: string, { textLimit = FREE_TEXT_SHOWN } = {}): Promise<FormResults | null> {
  const form = await db.evaluationForm.findUnique({
    where: { id: formId },
    include: {
      questions: { orderBy: { position: "asc" } },
      module: { select: { title: true } },
      cohort: { select: { id: true, name: true, programmeId: true } },
    },
  });
  if (!form) return null;
  const ids = form.questions.map((q) => q.id);
  const [counts, scale, distribution, choices, texts] = await Promise.all([
    familyCounts([formId]),
    db.$queryRaw<Array<{ questionId: string; n: bigint; mean: number | null; median: number | null }>>`
      SELECT a."questionId", COUNT(*) AS n, AVG(a."scaleValue")::float8 AS mean,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY a."scaleValue")::float8 AS median
      FROM "EvaluationAnswer" a
      WHERE a."questionId" = ANY(${ids}) AND a."scaleValue" IS NOT NULL
      GROUP BY a."questionId"`,
    db.$queryRaw<Array<{ questionId: string; value: number; count: bigint }>>`
      SELECT a."questionId", a."scaleValue" AS value, COUNT(*) AS count
      FROM "EvaluationAnswer" a
      WHERE a."questionId" = ANY(${ids}) AND a."scaleValue" IS NOT NULL
      GROUP BY a."questionId", a."scaleValue"`,
    db.$queryRaw<Array<{ questionId: string; choice: string; count: bigint }>>`
      SELECT a."questionId", a.choice, COUNT(*) AS count
      FROM "EvaluationAnswer" a
      WHERE a."questionId" = ANY(${ids}) AND a.choice IS NOT NULL
      GROUP BY a."questionId", a.choice`,
    db.$queryRaw<Array<{ questionId: string; text: string; name: string | null; total: bigint }>>`
      SELECT t."questionId", t.text, t.name, t.total FROM (
        SELECT a."questionId", a.text, p.name,
               COUNT(*) OVER (PARTITION BY a."questionId") AS total,
               -- Anonymous answers in random-id order: by time, the newest could be matched to the last to answer.
               ROW_NUMBER() OVER (PARTITION BY a."questionId" ORDER BY CASE WHEN ${form.anonymous} THEN NULL ELSE r."submittedAt" END DESC NULLS LAST, a.id) AS rn
        FROM "EvaluationAnswer" a
        JOIN "EvaluationResponse" r ON r.id = a."responseId"
        LEFT JOIN "EvaluationInvitation" i ON i.id = r."invitationId"
        LEFT JOIN "Enrolment" e ON e.id = i."enrolmentId"
        LEFT JOIN "Person" p ON p.id = e."personId"
        WHERE a."questionId" = ANY(${ids}) AND a.text IS NOT NULL
      ) t WHERE t.rn <= ${textLimit}
      ORDER BY t."questionId", t.rn`,
  ]);
  const { invited, responded } = counts.get(formId) ?? { invited: 0, responded: 0 };

  const questions: QuestionResult[] = form.questions.map((q) => {
    const head = { id: q.id, key: q.key, prompt: q.prompt, minLabel: q.minLabel, maxLabel: q.maxLabel };
    if (q.kind === "SCALE") {
      const s = scale.find((r) => r.questionId === q.id);
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 10;
      const byValue = new Map(distribution.filter((d) => d.questionId === q.id).map((d) => [Number(d.value), Number(d.count)]));
      return {
        ...head, kind: "SCALE", n: Number(s?.n ?? 0), mean: s?.mean ?? null, median: s?.median ?? null, min, max,
        distribution: Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, count: byValue.get(min + i) ?? 0 })),
      };
    }
    if (q.kind === "SINGLE_CHOICE") {
      const rows = choices.filter((c) => c.questionId === q.id);
      const byOption = new Map(rows.map((c) => [c.choice, Number(c.count)]));
      // Options in the question's order; any answer to an option since renamed is listed after them.
      const extra = rows.filter((c) => !q.options.includes(c.choice)).map((c) => c.choice);
      const options = [...q.options, ...extra];
      return { ...head, kind: "SINGLE_CHOICE", n: rows.reduce((t, c) => t + Number(c.count), 0), counts: options.map((o) => ({ option: o, count: byOption.get(o) ?? 0 })) };
    }
    const rows = texts.filter((t) => t.questionId === q.id);
    return { ...head, kind: "FREE_TEXT", n: Number(rows[0]?.total ?? 0), texts: rows.map((t) => ({ text: t.text, name: form.anonymous ? null : t.name })) };
  });

  return {
    form: {
      id: form.id, title: form.title, anonymous: form.anonymous, version: form.version, closesAt: form.closesAt,
      cohortId: form.cohort.id, cohortName: form.cohort.name, moduleTitle: form.module?.title ?? null, programmeId: form.cohort.programmeId,
    },
    invited,
    responded,
    responseRate: invited > 0 ? responded / invited : null,
    questions,
  };
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
    SELECT down.start AS "formId", COUNT(i.id) AS invited, COUNT(i."usedAt") AS responded
    FROM down LEFT JOIN "EvaluationInvitation" i ON i."formId" = down.id
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
