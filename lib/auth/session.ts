import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in staff user, re-read from the database (so disabling a user or changing a role takes
 * effect at once). Memoised per request with React's `cache`: the layout, the page and each permission
 * check of one render share one lookup; the next request looks again.
 */
export const currentUser = cache(async (): Promise<StaffUser | null> => {
  return userOfSession((await getServerSession(authOptions)) as SessionClaims | null);
});

export interface SessionClaims {
  userId?: string;
  sessionVersion?: number;
}

/**
 * The user a session belongs to, or null when it no longer counts: the user is gone or disabled, or
 * their password, role or access changed after the session began (User.sessionVersion was raised).
 */
export async function userOfSession(session: SessionClaims | null): Promise<StaffUser | null> {
  if (!session?.userId) return null;
  const user = await db.user.findUnique({ where: { id: session.userId } });
  if (!user || user.disabledAt || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * The check at the top of every admin page, data read, route handler and server action: anonymous
 * visitors are sent to sign in, signed-in users without the permission get 403.
 */
export async function requirePermission(permission: Permission, returnTo = "/admin"): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect(`/log-ind?til=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/**
 * The same check for a user the page has already signed in: the data functions pages call
 * (lib/<domain>/queries.ts) apply it themselves, so no caller gets the data without the permission.
 */
export function ensurePermission(user: StaffUser, permission: Permission): void {
  if (!can(user.role, permission)) forbidden();
}

/** TEACHER users see only the cohorts they are assigned to; others see all. */
export async function cohortScope(user: StaffUser): Promise<{ id?: { in: string[] } }> {
  if (user.role !== "TEACHER") return {};
  const rows = await db.cohortTeacher.findMany({ where: { userId: user.id }, select: { cohortId: true } });
  return { id: { in: rows.map((r) => r.cohortId) } };
}
