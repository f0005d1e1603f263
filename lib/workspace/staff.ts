import "server-only";
import { cohortScope, ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import { cohortWorkspaceOverview } from "./queries";

/**
 * The cohort's workspaces as staff may see them: counts per section for everyone, and the content of
 * only those workspaces their owners shared with the teachers. Null when the cohort is outside the
 * user's scope (a teacher not on the cohort). Needs cohort:read, checked here as well as by the page.
 */
export async function staffWorkspaceOverview(user: StaffUser, cohortId: string) {
  ensurePermission(user, "cohort:read");
  const cohort = await db.cohort.findFirst({ where: { AND: [await cohortScope(user), { id: cohortId }] }, select: { id: true, name: true, programme: { select: { title: true } } } });
  if (!cohort) return null;
  return { cohort, ...(await cohortWorkspaceOverview(db, cohort.id)) };
}
