import "server-only";
import { can } from "../auth/permissions";
import { ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import { localDateIso } from "../time";
import { getPublicScores } from "./public-scores";
import { familyCounts, getProgrammeComparison } from "./results";

// The questions the admin evaluation pages ask. Each applies evaluation:read itself (teachers do not
// have it) and says whether the user may change what is shown (evaluation:update).

/** A cohort's evaluation forms with invited/responded counted over each form's versions. Null: no such cohort. */
export async function cohortEvaluations(user: StaffUser, cohortId: string) {
  ensurePermission(user, "evaluation:read");
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true, name: true,
      programme: { select: { title: true } },
      sessions: { select: { module: { select: { id: true, title: true, position: true } }, days: { select: { endsAt: true } } }, orderBy: { module: { position: "asc" } } },
      evaluationForms: {
        select: { id: true, title: true, version: true, anonymous: true, closesAt: true, module: { select: { title: true, position: true } }, supersededBy: { select: { id: true } } },
        orderBy: [{ createdAt: "asc" }],
      },
    },
  });
  if (!cohort) return null;
  // Counted over each form's versions: a new version takes over only the links not yet used.
  const counts = await familyCounts(cohort.evaluationForms.map((f) => f.id));
  const lastDay = cohort.sessions.flatMap((s) => s.days.map((d) => d.endsAt)).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    cohort: { id: cohort.id, name: cohort.name, programmeTitle: cohort.programme.title },
    modules: cohort.sessions.map((s) => s.module),
    forms: cohort.evaluationForms.map((f) => ({ ...f, ...(counts.get(f.id) ?? { invited: 0, responded: 0 }) })),
    // A new form's default deadline: three weeks after the last course day.
    defaultCloses: lastDay ? localDateIso(new Date(lastDay.getTime() + 21 * 86_400_000)) : "",
    mayCreate: can(user.role, "evaluation:update"),
  };
}

/** One evaluation form with its questions, counts and what the user may do with it. Null: no such form. */
export async function evaluationFormOverview(user: StaffUser, formId: string, now = new Date()) {
  ensurePermission(user, "evaluation:read");
  const form = await db.evaluationForm.findUnique({
    where: { id: formId },
    include: {
      questions: { orderBy: { position: "asc" } },
      module: { select: { title: true, position: true } },
      supersedes: { select: { id: true, version: true } },
      supersededBy: { select: { id: true, version: true } },
      cohort: {
        select: {
          id: true, name: true,
          programme: { select: { title: true } },
          sessions: { select: { module: { select: { id: true, title: true, position: true } } }, orderBy: { module: { position: "asc" } } },
        },
      },
    },
  });
  if (!form) return null;
  const [counts, reminded, responses] = await Promise.all([
    familyCounts([formId]),
    db.evaluationInvitation.count({ where: { formId, reminderSentAt: { not: null } } }),
    db.evaluationResponse.count({ where: { formId } }),
  ]);
  return {
    form,
    ...(counts.get(formId) ?? { invited: 0, responded: 0 }),
    reminded,
    responses,
    // An older version keeps its answers and cannot be changed.
    mayEdit: can(user.role, "evaluation:update") && !form.supersededBy,
    closed: !!form.closesAt && form.closesAt <= now,
  };
}

/** A programme's cohorts compared, and the results shown on its public page. Null: no such programme. */
export async function programmeEvaluations(user: StaffUser, programmeId: string) {
  ensurePermission(user, "evaluation:read");
  const programme = await db.programme.findUnique({
    where: { id: programmeId },
    select: { id: true, title: true, slug: true, publishedScores: { orderBy: [{ position: "asc" }, { label: "asc" }], include: { cohort: { select: { name: true } } } } },
  });
  if (!programme) return null;
  const [comparison, shown] = await Promise.all([getProgrammeComparison(programmeId), getPublicScores(programmeId)]);
  return {
    programme: { id: programme.id, title: programme.title, slug: programme.slug },
    comparison,
    published: programme.publishedScores.map((p) => ({ ...p, figure: shown.find((s) => s.id === p.id) })),
    mayPublish: can(user.role, "evaluation:update"),
  };
}
