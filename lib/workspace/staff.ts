import "server-only";
import { cohortScope, type StaffUser } from "../auth/session";
import { db } from "../db";
import { cohortWorkspaceOverview } from "./queries";

/**
 * The cohort's workspaces as staff may see them: counts per section for everyone, and the content of
 * only those workspaces their owners shared with the teachers. Null when the cohort is outside the
 * user's scope (a teacher not on the cohort). The page checks cohort:read before asking.
 */
export async function staffWorkspaceOverview(user: StaffUser, cohortId: string) {
  const cohort = await db.cohort.findFirst({ where: { AND: [await cohortScope(user), { id: cohortId }] }, select: { id: true, name: true, programme: { select: { title: true } } } });
  if (!cohort) return null;
  return { cohort, ...(await cohortWorkspaceOverview(db, cohort.id)) };
}
