// Generators of hostile input for the fuzz harness (harness.ts). Nothing here knows an entry point:
// hostile strings and values, valid Danish form input, and the mutations that turn a valid record
// into one that must be refused (or may pass). A FuzzCase says which: "valid" must be accepted,
// "invalid" must be refused, "any" may go either way but must never crash or store on refusal.
import fc from "fast-check";
import { isValidCvr, isValidEan } from "@/lib/organisations/identifiers";
import { MUNICIPALITIES } from "@/lib/organisations/municipalities";

export type Expectation = "valid" | "invalid" | "any";
export interface FuzzCase<I> {
  input: I;
  expect: Expectation;
  /** What the generator did, for the report of a failing case. */
  label: string;
}

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Enrolment\"; --",
  '" OR 1=1 --',
  "1; SELECT pg_sleep(5)",
  "' UNION SELECT \"passwordHash\" FROM \"User\" --",
  "$1",
  "%",
  "_",
  "\\",
  "E'\\x00'",
  "$$; DELETE FROM \"Person\"; $$",
];
export const HTML_FRAGMENTS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "<!--",
  "]]>",
  "&amp;&lt;&#0;",
  "=HYPERLINK(\"http://x\")",
  "+SUM(1)",
];
export const UNICODE_FRAGMENTS = [
  "\u202E", // right-to-left override
  "\u200F\u200E", // RTL/LTR marks
  "\u200B", // zero-width space
  "\u200D", // zero-width joiner
  "\u2060",
  "\uFEFF",
  "\u0000",
  "\u0007",
  "\u001B[31m",
  "\u007F",
  "\u0085",
  "\u2028\u2029",
  "\r\n",
  "\t",
  "\uD800", // lone high surrogate
  "\uDFFF", // lone low surrogate
  "\uDBFF\uDFFF",
  "\uD83D\uDE00",
  "שלום",
  "مرحبا بالعالم",
  "Ærø Ålborg Øster",
  "𝕏𝔸",
  "e\u0301",
  "İı",
  "ß",
  "ﬁ",
  "🇩🇰",
  "👩‍👩‍👧‍👦",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "\uFFFD",
  "\uFFFF",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const fragment = fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...UNICODE_FRAGMENTS);

/** Hostile strings: control characters, lone surrogates, RTL and zero-width, SQL and HTML, numbers, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(fragment, loneSurrogate, fc.string({ maxLength: 5 })), { maxLength: 8 }).map((p) => p.join("")), weight: 4 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String), weight: 1 },
  { arbitrary: fc.constantFrom("NaN", "Infinity", "-0", "1e308", "0x1F", "00706", "706.0", " 706 ", "true", "null", "undefined", "[]", "{}"), weight: 1 },
  { arbitrary: fc.constantFrom("", " ", "   ", "\t\n", "\u00A0", "\u3000", "\u200B"), weight: 1 },
  {
    // Huge: past every max length, up to 100 000 characters.
    arbitrary: fc.tuple(fc.constantFrom("x", "ø", "9", "\u200B", "<a>", "😀", "' OR 1=1 --"), fc.integer({ min: 300, max: 100_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
    weight: 1,
  },
);

/** Object keys an attacker would try, besides random ones. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "$ACTION_ID_x", "$ACTION_REF_1", "id", "status", "role", "cohortId", "personId", "priceOre", "manageTokenHash", "createdAt"),
  fc.string({ maxLength: 12 }),
  hostileString.filter((s) => s.length < 200),
);

/** Any JSON value with hostile strings in it. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A value of the wrong type where a string is expected (and never `true`, which a consent box accepts). */
export const wrongTypeJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constant(false),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileKey, hostileString, { maxKeys: 3 }),
  fc.constant({ toString: "x", valueOf: 1 }),
);

/** What a server action can be handed beyond JSON through React's reply encoding. */
export const hostileActionArg: fc.Arbitrary<unknown> = fc.oneof(
  hostileJson,
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Map([["name", "x"]])),
  fc.constant(new Set(["x"])),
  fc.constant(new URLSearchParams("name=x&email=y")),
  fc.constant(new Blob(["x"])),
);

// ── Valid input ─────────────────────────────────────────────────────────────────────────────────

/** Non-blank text that a form should accept as it is, hostile-looking or not. */
export function validText(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom("Mette Frederiksen", "Ærø Ålborg-Øster", "José Ñúñez", "李小龙", "אבי כהן", "محمد علي", "O'Brien", "Anne-Marie", "Projektleder"),
      fc.array(fc.oneof(fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, "\u202E", "\u200B", "🇩🇰", "e\u0301", "שלום"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 })), { minLength: 1, maxLength: 6 }).map((p) => p.join(" ")),
    )
    .map((s) => s.trim().slice(0, maxLength).trim())
    .filter((s) => s.length > 0 && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s) && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));
}

export const validEmail: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,12}([._+-][a-z0-9]{1,8})?$/), fc.constantFrom("kommune.dk", "firma.example", "stillads.invalid", "xn--r-1ga.dk"), fc.boolean())
  .map(([local, domain, upper]) => (upper ? `  ${local}@${domain}`.toUpperCase() : `${local}@${domain}`));

export const validPhone: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^\d{8}$/),
  fc.stringMatching(/^\d{8}$/).map((d) => `+45 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`),
  fc.stringMatching(/^\+\d{8,15}$/),
  fc.stringMatching(/^\d{8}$/).map((d) => `${d.slice(0, 4)}-${d.slice(4)}`),
);

function withCheckDigit(body: string, valid: (s: string) => boolean): string {
  for (let d = 0; d <= 9; d++) if (valid(body + d)) return body + d;
  return "";
}
export const validEan: fc.Arbitrary<string> = fc.stringMatching(/^57980\d{7}$/).map((b) => withCheckDigit(b, isValidEan));
export const validCvr: fc.Arbitrary<string> = fc
  .stringMatching(/^[1-9]\d{6}$/)
  .map((b) => withCheckDigit(b, isValidCvr))
  .filter((c) => c.length === 8);
export const municipalityCode = fc.constantFrom(...MUNICIPALITIES.map((m) => String(m.code)));

/** A person as the enrolment and colleague forms take them. */
export const validPerson = fc.record({
  name: validText(200),
  email: validEmail,
  phone: validPhone,
  jobTitle: validText(200),
});

/** Valid enrolment form input: a municipality, another public body or a private company. */
export const validEnrolment: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    validPerson,
    fc.constantFrom("MUNICIPALITY", "OTHER_PUBLIC", "PRIVATE"),
    municipalityCode,
    // LIKE wildcards are valid names too, and must not match some other organisation's name.
    fc.oneof({ arbitrary: validText(200), weight: 4 }, { arbitrary: fc.constantFrom("%", "_%", "Region%", "%kommune%", "\\"), weight: 1 }),
    validEan,
    validCvr,
    fc.record(
      {
        invoiceAttention: validText(200),
        invoiceReference: validText(100),
        dietaryNeeds: validText(500),
        accessibilityNeeds: validText(500),
        idempotencyKey: fc.uuid(),
      },
      { requiredKeys: ["invoiceAttention"] },
    ),
    fc.constantFrom(true, "on", "true"),
    fc.stringMatching(/^\d{4}$/),
    validText(100),
  )
  .map(([person, orgType, code, orgName, ean, cvr, rest, consent, postal, street]) => {
    const base: Record<string, unknown> = { ...person, orgType, ...rest, acceptTerms: consent, acceptPrivacy: consent };
    const address = { billingStreet: street, billingPostalCode: postal, billingCity: "Aarhus C" };
    if (orgType === "MUNICIPALITY") Object.assign(base, { municipalityCode: code, ean }, address);
    if (orgType === "OTHER_PUBLIC") Object.assign(base, { organisationName: orgName, ean }, address);
    if (orgType === "PRIVATE") Object.assign(base, { organisationName: orgName, cvr }, address);
    return base;
  });

// ── Mutations ───────────────────────────────────────────────────────────────────────────────────

const blank = fc.constantFrom("", " ", "  \t ", "\n", "\u00A0", "\u3000 ");
/** Non-blank text over `max` characters (zod counts code points) even after trimming. */
export const tooLong = (max: number) => fc.tuple(fc.constantFrom("x", "ø", "😀", "<b>", "e\u0301"), fc.integer({ min: 1, max: 5_000 })).map(([c, n]) => c.repeat(Math.ceil((max + n) / [...c].length)));

/** Strings a field can never accept, by field; used to make a case that must be refused. */
export type Breakers = Record<string, (base: Record<string, unknown>) => fc.Arbitrary<string> | null>;

export const personBreakers: Breakers = {
  name: () => fc.oneof(blank, tooLong(200)),
  jobTitle: () => fc.oneof(blank, tooLong(200)),
  email: () => fc.oneof(blank, hostileString.filter((s) => !s.includes("@")), tooLong(254).map((s) => `${s}@kommune.dk`)),
  phone: () => fc.oneof(blank, hostileString.filter((s) => /[a-zA-Z]/.test(s)), fc.stringMatching(/^\d{1,7}$/)),
};

export const enrolmentBreakers: Breakers = {
  ...personBreakers,
  invoiceAttention: () => fc.oneof(blank, tooLong(200)),
  orgType: () => hostileString.filter((s) => !["MUNICIPALITY", "OTHER_PUBLIC", "PRIVATE"].includes(s)),
  acceptTerms: () => hostileString.filter((s) => s !== "on" && s !== "true"),
  acceptPrivacy: () => hostileString.filter((s) => s !== "on" && s !== "true"),
  website: () => hostileString.filter((s) => s.length > 0),
  idempotencyKey: () => tooLong(100),
  dietaryNeeds: () => tooLong(500),
  accessibilityNeeds: () => tooLong(500),
  invoiceReference: () => tooLong(100),
  billingStreet: () => fc.oneof(blank, tooLong(200)),
  // Its format is checked for a company only (the field is hidden for the others); its length always.
  invoiceEmail: (b) =>
    b.orgType === "PRIVATE" ? fc.oneof(hostileString.filter((s) => s.trim().length > 0 && !s.includes("@")), tooLong(254).map((s) => `${s}@firma.dk`)) : tooLong(254).map((s) => `${s}@firma.dk`),
  billingCity: () => fc.oneof(blank, tooLong(100)),
  billingPostalCode: () => fc.oneof(fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^\d{5,9}$/), fc.constantFrom("12a4", "abcd", "23 00", "２３００")),
  ean: () => fc.oneof(fc.stringMatching(/^\d{1,12}$/), validEan.map((e) => e.slice(0, 12) + ((Number(e[12]) + 1) % 10))),
  municipalityCode: (b) => (b.orgType === "MUNICIPALITY" ? fc.constantFrom("", "0", "999", "abc", "-1", "1e2", "NaN") : null),
  organisationName: (b) => (b.orgType !== "MUNICIPALITY" ? blank : null),
  cvr: (b) => (b.orgType === "PRIVATE" ? fc.oneof(blank, fc.stringMatching(/^\d{1,7}$/), validCvr.map((c) => c.slice(0, 7) + ((Number(c[7]) + 1) % 10))) : null),
};

export interface RecordMutationOptions {
  /** Fields whose absence makes the record invalid. */
  required: string[];
  breakers: Breakers;
  /** true when the record travels as JSON (types survive); false for FormData (everything becomes a string). */
  json: boolean;
}

/**
 * Cases built from a valid record: unchanged ("valid"), with hostile extra keys ("valid"), with a
 * required field removed or broken ("invalid"), with a known field of the wrong type ("invalid" as
 * JSON), with hostile strings in any field ("any"), or not a record of the form at all.
 */
export function mutatedRecords(valid: fc.Arbitrary<Record<string, unknown>>, opts: RecordMutationOptions): fc.Arbitrary<FuzzCase<unknown>> {
  type Weighted = { arbitrary: fc.Arbitrary<FuzzCase<unknown>>; weight: number };
  const known = new Set([...opts.required, ...Object.keys(opts.breakers)]);
  const extraKey = hostileKey.filter((k) => !known.has(k));
  const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
  const branches: Weighted[] = [
    { arbitrary: valid.map((input) => ({ input, expect: "valid" as const, label: "valid" })), weight: 3 },
    {
      arbitrary: fc.tuple(valid, fc.dictionary(extraKey, opts.json ? hostileJson : hostileString, { minKeys: 1, maxKeys: 5 })).map(([v, extra]) => ({
        input: { ...extra, ...v },
        expect: "valid" as const,
        label: `extra keys ${JSON.stringify(Object.keys(extra))}`,
      })),
      weight: 1,
    },
    {
      arbitrary: opts.required.length
        ? fc.tuple(valid, pick(opts.required)).map(([v, k]) => {
            const input = { ...v };
            delete input[k];
            return { input, expect: "invalid" as const, label: `missing ${k}` };
          })
        : valid.map((input) => ({ input, expect: "valid" as const, label: "valid" })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(valid, pick(Object.keys(opts.breakers)))
        .chain(([v, k]): fc.Arbitrary<FuzzCase<unknown>> => {
          const breaker = opts.breakers[k]!(v);
          return breaker ? breaker.map((bad) => ({ input: { ...v, [k]: bad }, expect: "invalid" as const, label: `broken ${k}` })) : fc.constant({ input: v, expect: "valid" as const, label: "valid" });
        }),
      weight: 5,
    },
    {
      arbitrary: fc.tuple(valid, pick([...known]), wrongTypeJson).map(([v, k, bad]) => ({
        input: { ...v, [k]: bad },
        expect: opts.json ? ("invalid" as const) : ("any" as const),
        label: `wrong type for ${k}`,
      })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(valid, fc.uniqueArray(pick([...known]), { minLength: 1, maxLength: 4 }), fc.array(hostileString, { minLength: 4, maxLength: 4 })).map(([v, keys, bad]) => {
        const input = { ...v };
        keys.forEach((k, i) => (input[k] = bad[i]));
        return { input, expect: "any" as const, label: `hostile strings in ${keys.join(", ")}` };
      }),
      weight: 5,
    },
    {
      arbitrary: fc.dictionary(fc.oneof(pick([...known]), hostileKey), opts.json ? hostileJson : hostileString, { maxKeys: 10 }).map((input) => ({ input, expect: "any" as const, label: "random record" })),
      weight: 2,
    },
  ];
  return fc.oneof(...branches);
}

/** FormData as a browser (or a script posting multipart) would send it; repeated keys for arrays. */
export function toFormData(record: unknown): FormData {
  const fd = new FormData();
  if (typeof record !== "object" || record === null) return fd;
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) && v.length > 0 ? v : [v];
    for (const item of values) {
      if (item instanceof Blob) fd.append(k, item);
      else fd.append(k, typeof item === "object" && item !== null ? safeString(item) : String(item));
    }
  }
  return fd;
}

function safeString(v: object): string {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? "";
  }
}

/** Header values a client can send for the address (many will not be addresses). */
export const forwardedFor: fc.Arbitrary<string> = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.tuple(fc.ipV4(), fc.ipV4()).map(([a, b]) => `${a}, ${b}`),
  fc.string({ unit: "grapheme-ascii", maxLength: 100 }),
  fc.string({ unit: "grapheme-ascii", minLength: 3_000, maxLength: 8_000 }),
  fc.stringMatching(/^[0-9a-f.:]{3000,8000}$/),
  fc.constantFrom("", ",", " , ", "unknown", "' OR 1=1 --", "<script>"),
);
