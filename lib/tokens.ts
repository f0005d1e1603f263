import { createHash, randomBytes } from "node:crypto";

/** An unguessable token for links in mails: 256 bits from the CSPRNG, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Whether a value has the shape newToken() gives (43 base64url characters). Anything else cannot be a
 * token and is not looked up; a link's token can arrive as any value a client sends.
 */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Tokens are stored only as their SHA-256, so a database leak does not open anyone's links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
