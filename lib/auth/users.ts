import "server-only";
import { db } from "../db";
import { consumeRateLimit, peekRateLimit } from "../rate-limit";
import { hasUnstorableCharacters } from "../text";
import { accountFailureKey, addressFailureKey, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, MAX_FAILED_LOGINS_PER_IP, signInEmail } from "./lockout";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import type { Role } from "./permissions";

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "./lockout";

const WINDOW_MS = LOCKOUT_MINUTES * 60_000;

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "INVALID" | "LOCKED" | "RATE_LIMITED" };

/**
 * Checks a sign-in. Only failures count: five wrong passwords for an e-mail lock it for 15 minutes
 * (any e-mail, with or without an account, so the answer tells nothing about which exist), and an
 * address may fail 20 times in 15 minutes across all e-mails; an office signing in all day behind one
 * address is never held up. Both counters are atomic upserts in the database, so parallel guesses
 * are all counted and the limits hold across app instances.
 */
export async function verifyLogin(emailRaw: string, password: string, ip: string, now = new Date()): Promise<LoginResult> {
  const email = signInEmail(emailRaw);
  const addressKey = addressFailureKey(ip);
  const accountKey = accountFailureKey(email);
  if ((await peekRateLimit(addressKey, WINDOW_MS, now)) >= MAX_FAILED_LOGINS_PER_IP) return { ok: false, reason: "RATE_LIMITED" };
  if ((await peekRateLimit(accountKey, WINDOW_MS, now)) >= MAX_FAILED_LOGINS) return { ok: false, reason: "LOCKED" };
  // The database refuses a NUL or a lone surrogate in a query; no stored address has one anyway.
  const user = hasUnstorableCharacters(email) ? null : await db.user.findUnique({ where: { email } });
  // Unknown and disabled users cost a hash check too, so timing does not tell them apart.
  const valid = await verifyPassword(user && !user.disabledAt ? user.passwordHash : DUMMY_HASH, password.slice(0, 1024));
  if (!user || user.disabledAt || !valid) {
    await consumeRateLimit(addressKey, MAX_FAILED_LOGINS_PER_IP, WINDOW_MS, now);
    const failures = await consumeRateLimit(accountKey, MAX_FAILED_LOGINS, WINDOW_MS, now, { restartAtLimit: true });
    return { ok: false, reason: failures.count >= MAX_FAILED_LOGINS ? "LOCKED" : "INVALID" };
  }
  await db.$transaction([
    db.rateLimitBucket.deleteMany({ where: { key: accountKey } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
  ]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

/** Which of these e-mails are locked out now (for the user list). */
export async function lockedOutEmails(emails: string[], now = new Date()): Promise<Set<string>> {
  const keys = new Map(emails.map((e) => [accountFailureKey(e), e]));
  const rows = await db.rateLimitBucket.findMany({
    where: { key: { in: [...keys.keys()] }, count: { gte: MAX_FAILED_LOGINS }, windowStart: { gt: new Date(now.getTime() - WINDOW_MS) } },
    select: { key: true },
  });
  return new Set(rows.map((r) => keys.get(r.key)!));
}
