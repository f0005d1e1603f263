// Danish invoice identifiers. Both checks are pure and shared by the form (client) and the server.

/** Strips the spaces and dashes people type into numbers. */
export function digitsOnly(s: string): string {
  return s.replace(/[\s-]/g, "");
}

/**
 * EAN/GLN location number (13 digits) with its GS1 check digit: weights 1 and 3 alternate from the
 * right (excluding the check digit, the digit next to it weighs 3).
 */
export function isValidEan(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** CVR number (8 digits) with the modulus-11 check: weights 2,7,6,5,4,3,2,1 must sum to a multiple of 11. */
export function isValidCvr(value: string): boolean {
  if (!/^[1-9]\d{7}$/.test(value)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...value].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return sum % 11 === 0;
}
