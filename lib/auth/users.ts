import "server-only";
import { db } from "../db";
import { consumeRateLimit } from "../rate-limit";
import { hasUnstorableCharacters } from "../text";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import type { Role } from "./permissions";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "INVALID" | "LOCKED" | "RATE_LIMITED" };

/**
 * Checks a sign-in. Five wrong passwords lock the account for 15 minutes; every address is also
 * limited to 20 attempts per 15 minutes across all accounts. Both counters live in the database.
 */
export async function verifyLogin(emailRaw: string, password: string, ip: string, now = new Date()): Promise<LoginResult> {
  const email = emailRaw.trim().toLowerCase().slice(0, 254);
  // The address comes from a header of any length; a key past ~2.7 kB does not fit the bucket's index.
  const limit = await consumeRateLimit(`login:ip:${ip.slice(0, 64)}`, 20, 15 * 60_000, now);
  if (!limit.allowed) return { ok: false, reason: "RATE_LIMITED" };
  // The database refuses a NUL or a lone surrogate in a query; no stored address has one anyway.
  const user = hasUnstorableCharacters(email) ? null : await db.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) {
    await verifyPassword(DUMMY_HASH, password);
    return { ok: false, reason: "INVALID" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "LOCKED" };
  if (!(await verifyPassword(user.passwordHash, password.slice(0, 1024)))) {
    const failed = user.failedLoginCount + 1;
    await db.user.update({
      where: { id: user.id },
      data: failed >= MAX_FAILED_LOGINS
        ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
        : { failedLoginCount: failed },
    });
    return { ok: false, reason: failed >= MAX_FAILED_LOGINS ? "LOCKED" : "INVALID" };
  }
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

