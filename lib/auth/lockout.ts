import { createHash } from "node:crypto";

// Sign-in failures are counted per e-mail, whether or not an account has it, so "locked" tells an
// attacker nothing about which addresses exist. Shared by the app and scripts/admin-create.ts.

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins allowed from one address in LOCKOUT_MINUTES, across every e-mail. */
export const MAX_FAILED_LOGINS_PER_IP = 20;

/** The normal form of an e-mail for sign-in: trimmed, lower case, bounded. */
export function signInEmail(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 254);
}

/** The rate-limit key of an e-mail's failed sign-ins (a hash: the bucket table holds no addresses). */
export function accountFailureKey(email: string): string {
  return `login:fail:${createHash("sha256").update(signInEmail(email)).digest("base64url")}`;
}

export function addressFailureKey(ip: string): string {
  return `login:ip:${ip.slice(0, 64)}`;
}
