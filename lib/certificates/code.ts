import { randomBytes } from "node:crypto";

// A kursusbevis's verification code: 20 characters of Crockford's base32 (no I, L, O, U), 100 random
// bits from the CSPRNG, shown in groups of four so that it can be typed from paper. Not server-only:
// the seed writes certificates too.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newCertificateCode(): string {
  const bytes = randomBytes(20);
  let out = "";
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += ALPHABET[bytes[i]! & 31];
  }
  return out;
}

/**
 * The stored form of a code someone typed or followed: upper case, the letters people confuse with
 * digits read as those digits, grouped again. Null when it cannot be a code (then nothing is looked up).
 */
export function normaliseCertificateCode(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const raw = value.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(raw)) return null;
  return raw.match(/.{4}/g)!.join("-");
}
