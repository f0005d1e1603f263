import "server-only";
import { ensurePermission, type StaffUser } from "../auth/session";
import { lockedOutEmails } from "../auth/users";
import { db } from "../db";

export type UserAccess = "Spærret" | "Midlertidigt låst" | "Aktiv";

/** Every staff user, active ones first, with their access now: disabled, locked out for a while, or active. */
export async function userList(user: StaffUser) {
  ensurePermission(user, "user:manage");
  const users = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, disabledAt: true, lastLoginAt: true },
    orderBy: [{ disabledAt: "asc" }, { name: "asc" }],
  });
  const locked = await lockedOutEmails(users.map((u) => u.email));
  return users.map(({ disabledAt, ...u }) => ({ ...u, access: (disabledAt ? "Spærret" : locked.has(u.email) ? "Midlertidigt låst" : "Aktiv") as UserAccess }));
}

/** One user for the edit form, and the cohorts not yet completed a teacher can be assigned to. Null: no such user. */
export async function userDetail(user: StaffUser, userId: string) {
  ensurePermission(user, "user:manage");
  const u = await db.user.findUnique({ where: { id: userId }, include: { cohorts: { select: { cohortId: true } } } });
  if (!u) return null;
  const cohorts = await db.cohort.findMany({ where: { status: { not: "COMPLETED" } }, select: { id: true, name: true, programme: { select: { title: true } } }, orderBy: { enrolmentOpensAt: "asc" } });
  return {
    user: { id: u.id, name: u.name, email: u.email, role: u.role, active: !u.disabledAt, cohortIds: u.cohorts.map((c) => c.cohortId) },
    isSelf: u.id === user.id,
    cohorts: cohorts.map((c) => ({ id: c.id, label: `${c.programme.title}: ${c.name}` })),
  };
}
