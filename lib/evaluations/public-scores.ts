import "server-only";
import { db } from "../db";

export interface PublicScore {
  id: string;
  questionKey: string;
  label: string;
  /** Mean of every stored answer to the question, or null when nobody has answered yet. */
  mean: number | null;
  /** Number of responses behind the mean. */
  responses: number;
  scaleMax: number;
  /** The cohort the figure comes from, or null when it is across all the programme's cohorts. */
  cohortName: string | null;
  /** The organisation an in-house cohort was run for (e.g. Syddjurs Kommune). */
  hostOrganisation: string | null;
  cohortCount: number;
}

/**
 * The scores a coordinator chose to publish on a programme's page, computed in SQL at request time
 * from the running count and sum per question that database triggers keep as answers are stored
 * (EvaluationQuestionStat) — never from constants, and at a cost that does not grow with the number
 * of answers. A new response is on the page at its next request; nothing is cached in the process.
 */
export async function getPublicScores(programmeId: string): Promise<PublicScore[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      questionKey: string;
      label: string;
      mean: number | null;
      responses: bigint;
      scaleMax: number | null;
      cohortName: string | null;
      hostOrganisation: string | null;
      cohortCount: bigint;
    }>
  >`
    SELECT ps.id, ps."questionKey", ps.label,
           (SUM(st.total)::float8 / NULLIF(SUM(st.answers), 0)) AS mean,
           COALESCE(SUM(st.answers), 0) AS responses,
           MAX(q."scaleMax") AS "scaleMax",
           pc.name AS "cohortName",
           ho.name AS "hostOrganisation",
           COUNT(DISTINCT CASE WHEN st.answers > 0 THEN f."cohortId" END) AS "cohortCount"
    FROM "PublishedScore" ps
    LEFT JOIN "Cohort" pc ON pc.id = ps."cohortId"
    LEFT JOIN "Organisation" ho ON ho.id = pc."hostOrganisationId"
    LEFT JOIN "Cohort" c ON c."programmeId" = ps."programmeId" AND (ps."cohortId" IS NULL OR c.id = ps."cohortId")
    LEFT JOIN "EvaluationForm" f ON f."cohortId" = c.id
    LEFT JOIN "EvaluationQuestion" q ON q."formId" = f.id AND q.key = ps."questionKey" AND q.kind = 'SCALE'
    LEFT JOIN "EvaluationQuestionStat" st ON st."questionId" = q.id
    WHERE ps."programmeId" = ${programmeId}
    GROUP BY ps.id, ps."questionKey", ps.label, ps.position, pc.name, ho.name
    ORDER BY ps.position, ps.label`;
  return rows.map((r) => ({
    id: r.id,
    questionKey: r.questionKey,
    label: r.label,
    mean: r.mean === null ? null : Number(r.mean),
    responses: Number(r.responses),
    scaleMax: r.scaleMax ?? 10,
    cohortName: r.cohortName,
    hostOrganisation: r.hostOrganisation,
    cohortCount: Number(r.cohortCount),
  }));
}
