// The fuzz harness: throws generated cases at one public entry point and checks, for every case, that
//   - it never crashes: no exception escapes, no 5xx, no "unexpected error" answer (GENERIC_ERROR);
//   - a refusal says what is wrong in Danish (the message and every field error);
//   - a refusal, or input that must be refused, writes no row (changeCounter() counts every write);
//   - input that must be refused is refused, and input that must be accepted is accepted;
//   - where the entry point can tell (verifyAccepted), what an accepted case stored is what was sent.
//
// Adding an entry point (e.g. the evaluation form's submitEvaluationAction) is one object in the list
// of publicEntryPoints() in entry-points.ts, whose setup makes whatever the action needs (a token):
//   entry<TokenActionInput>({
//     name: "evaluation: submit answers",
//     cases: tokenActionCases(mutatedRecords(validAnswers, { required: [...], breakers: {...}, json: false }), "any", false),
//     call: (input) => callTokenAction(submitEvaluationAction as FormAction, input, evaluationToken),
//     countStored: await changeCounter(prisma, ["EvaluationResponse", "EvaluationAnswer", "EvaluationInvitation", "AuditLog"]),
//     beforeEach: resetLimits,
//   }),
// Generators for hostile strings, values and records are in arbitraries.ts. The Vitest file
// (public-entry-points.fuzz.integration.test.ts) and `npm run bench -- fuzz` then run it too.
import fc from "fast-check";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GENERIC_ERROR } from "@/lib/http/result";
import type { Expectation, FuzzCase } from "./arbitraries";

export type Outcome =
  | { kind: "accepted"; detail?: string; ref?: string }
  | { kind: "refused"; message: unknown; fieldErrors?: unknown; status?: number }
  | { kind: "server-error"; detail: string };

export type Snapshot = Record<string, unknown>;

export interface FuzzEntryPoint<I = unknown> {
  name: string;
  cases: fc.Arbitrary<FuzzCase<I>>;
  /** Calls the entry point as a client would and says what came back; exceptions count as crashes. */
  call(input: I): Promise<Outcome>;
  /** What the entry point can write, before and after each case (counts, last change). */
  countStored(): Promise<Snapshot>;
  /** Runs before each case, before the first snapshot (e.g. empty the rate-limit buckets). */
  beforeEach?(): Promise<void>;
  /** After an accepted case: what is wrong with what was stored, or null. */
  verifyAccepted?(input: I, outcome: Extract<Outcome, { kind: "accepted" }>): Promise<string | null>;
}

export type Violation = "server_error" | "unclear_message" | "stored_invalid" | "stored_wrong" | "accepted_invalid" | "refused_valid";

export interface FuzzStats {
  name: string;
  cases: number;
  accepted: number;
  refused: number;
  violations: Record<Violation, number>;
  /** The first few violating cases, for the report. */
  examples: string[];
  durationMs: number;
}

export interface RunOptions {
  numRuns: number;
  seed?: number;
  /** "assert": stop at the first violation and let fast-check shrink it; "count": run all, count violations. */
  mode?: "assert" | "count";
}

const ENGLISH = /\b(invalid|expected|received|required|undefined|null|nan|error|exception|too (big|small)|must|string|number|object|array|prisma|sql|stack|failed)\b/i;
const DANISH = /[æøåÆØÅ]|\b(skriv|ret|vælg|er|ikke|og|til|må|skal|prøv|igen|du|din|dit|et|en|for|linket|holdet|tilmeldingen|forespørgslen)\b/i;

/** A message a person can act on: Danish, short, no stack traces, type names or stock English. */
export function isClearDanish(message: unknown): boolean {
  return typeof message === "string" && message.trim().length > 0 && message.length <= 400 && !ENGLISH.test(message) && DANISH.test(message);
}

function judge(expect: Expectation, outcome: Outcome, before: Snapshot, after: Snapshot): Violation[] {
  const v: Violation[] = [];
  if (outcome.kind === "server-error") v.push("server_error");
  if (outcome.kind === "refused") {
    const fieldMessages = outcome.fieldErrors && typeof outcome.fieldErrors === "object" ? Object.values(outcome.fieldErrors) : [];
    if (!isClearDanish(outcome.message) || !fieldMessages.every(isClearDanish)) v.push("unclear_message");
  }
  if ((outcome.kind !== "accepted" || expect === "invalid") && JSON.stringify(before) !== JSON.stringify(after)) v.push("stored_invalid");
  if (expect === "invalid" && outcome.kind === "accepted") v.push("accepted_invalid");
  if (expect === "valid" && outcome.kind === "refused") v.push("refused_valid");
  return v;
}

/** Runs `numRuns` cases against an entry point. */
export async function runFuzz<I>(entry: FuzzEntryPoint<I>, opts: RunOptions): Promise<FuzzStats> {
  const stats: FuzzStats = {
    name: entry.name,
    cases: 0,
    accepted: 0,
    refused: 0,
    violations: { server_error: 0, unclear_message: 0, stored_invalid: 0, stored_wrong: 0, accepted_invalid: 0, refused_valid: 0 },
    examples: [],
    durationMs: 0,
  };
  const t0 = performance.now();
  const mode = opts.mode ?? "count";
  const property = fc.asyncProperty(entry.cases, async (c) => {
    await entry.beforeEach?.();
    const before = await entry.countStored();
    let outcome: Outcome;
    try {
      outcome = await entry.call(c.input);
    } catch (err) {
      outcome = { kind: "server-error", detail: `unhandled ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
    }
    if (outcome.kind === "refused" && outcome.message === GENERIC_ERROR) outcome = { kind: "server-error", detail: "answered GENERIC_ERROR (an unexpected exception was caught)" };
    const after = await entry.countStored();
    const violations = judge(c.expect, outcome, before, after);
    if (outcome.kind === "accepted" && entry.verifyAccepted) {
      const wrong = await entry.verifyAccepted(c.input, outcome);
      if (wrong) {
        violations.push("stored_wrong");
        outcome = { ...outcome, detail: `${outcome.detail ?? ""} stored wrong: ${wrong}` };
      }
    }
    stats.cases++;
    if (outcome.kind === "accepted") stats.accepted++;
    else stats.refused++;
    for (const x of violations) stats.violations[x]++;
    if (violations.length && stats.examples.length < 5) stats.examples.push(describeFailure(entry.name, c, outcome, violations, before, after));
    if (mode === "assert" && violations.length) throw new Error(describeFailure(entry.name, c, outcome, violations, before, after));
  });
  // In "count" mode the property only fails when the harness itself breaks (a snapshot query, a setup).
  await fc.assert(property, { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: mode === "count" });
  stats.durationMs = performance.now() - t0;
  return stats;
}

function describeFailure(name: string, c: FuzzCase<unknown>, outcome: Outcome, violations: Violation[], before: Snapshot, after: Snapshot): string {
  return `${name}: ${violations.join(", ")} for "${c.label}" (expected ${c.expect}) → ${clip(JSON.stringify(outcome))}` + `\n  input: ${clip(show(c.input))}` + (JSON.stringify(before) !== JSON.stringify(after) ? `\n  stored before: ${JSON.stringify(before)}\n  stored after:  ${JSON.stringify(after)}` : "");
}

function show(v: unknown): string {
  try {
    return fc.stringify(v);
  } catch {
    return String(v);
  }
}

function clip(s: string, max = 600): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}

/** Sums the stats of several entry points. */
export function totals(all: FuzzStats[]) {
  const sum = (f: (s: FuzzStats) => number) => all.reduce((n, s) => n + f(s), 0);
  return {
    entryPoints: all.length,
    cases: sum((s) => s.cases),
    accepted: sum((s) => s.accepted),
    refused: sum((s) => s.refused),
    serverErrors: sum((s) => s.violations.server_error),
    storedInvalid: sum((s) => s.violations.stored_invalid),
    storedWrong: sum((s) => s.violations.stored_wrong),
    acceptedInvalid: sum((s) => s.violations.accepted_invalid),
    refusedValid: sum((s) => s.violations.refused_valid),
    unclearMessages: sum((s) => s.violations.unclear_message),
  };
}

// ── Helpers for entry points ────────────────────────────────────────────────────────────────────

/** Tables the public entry points write; rate-limit buckets are left out (counting attempts is their job). */
export const STORED_TABLES = ["Organisation", "Person", "Enrolment", "OutboxMessage", "AuditLog", "User"] as const;

/**
 * A snapshot function counting every committed insert, update and delete in `tables`. Row counts
 * would miss an update and grow slower with every row stored; instead a trigger (created here, in
 * the fuzz's own scratch database only) counts each written row in "_FuzzChanges", and a rolled
 * back transaction takes its counts with it. Reading the counters is one small query.
 */
export async function changeCounter(prisma: PrismaClient, tables: readonly string[] = STORED_TABLES): Promise<() => Promise<Snapshot>> {
  for (const t of tables) if (!/^[A-Za-z]+$/.test(t)) throw new Error(`Not a table name: ${t}`);
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_FuzzChanges" ("table" text PRIMARY KEY, "rows" bigint NOT NULL)`);
  await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "_fuzz_count_change"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "_FuzzChanges" ("table", "rows") VALUES (TG_TABLE_NAME, 1)
      ON CONFLICT ("table") DO UPDATE SET "rows" = "_FuzzChanges"."rows" + 1;
      RETURN NULL;
    END $$`);
  for (const t of tables) {
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER "_fuzz_count_change" AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION "_fuzz_count_change"()`);
  }
  const list = tables.map((t) => `'${t}'`).join(", ");
  return async () => {
    const rows = await prisma.$queryRawUnsafe<Array<{ table: string; rows: string }>>(`SELECT "table", "rows"::text AS "rows" FROM "_FuzzChanges" WHERE "table" IN (${list}) ORDER BY "table"`);
    return Object.fromEntries(rows.map((r) => [r.table, r.rows]));
  };
}

/** Empties the rate-limit buckets, so thousands of cases from one address are not refused for that. */
export function resetRateLimits(prisma: PrismaClient): () => Promise<void> {
  return async () => {
    await prisma.rateLimitBucket.deleteMany();
  };
}

type FormLike = { ok: boolean; message?: unknown; fieldErrors?: unknown } | null | undefined;

/** A server action's result state as an outcome. */
export function fromFormState(state: FormLike | { redirect: string }): Outcome {
  if (state && "redirect" in state) return { kind: "accepted", detail: `redirect ${state.redirect}`, ref: state.redirect };
  if (!state || typeof state !== "object") return { kind: "server-error", detail: `no result state: ${String(state)}` };
  if (state.ok === true) return { kind: "accepted" };
  return { kind: "refused", message: state.message, fieldErrors: state.fieldErrors };
}

/** Calls a server action; Next.js's redirect() (a thrown NEXT_REDIRECT) counts as its answer. */
export async function actionCall<T>(run: () => Promise<T>): Promise<T | { redirect: string }> {
  try {
    return await run();
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";")[2] ?? "" };
    throw err;
  }
}

/** A route handler's response as an outcome. */
export async function fromResponse(res: Response): Promise<Outcome> {
  const text = await res.text();
  let body: { ok?: unknown; message?: unknown; fieldErrors?: unknown } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: judged below
  }
  if (res.status >= 500) return { kind: "server-error", detail: `HTTP ${res.status} ${text.slice(0, 200)}` };
  if (res.status < 300 && body?.ok === true) return { kind: "accepted", detail: `HTTP ${res.status}`, ref: JSON.stringify((body as { data?: unknown }).data ?? null) };
  if (res.status < 300) return { kind: "server-error", detail: `HTTP ${res.status} without ok: ${text.slice(0, 200)}` };
  return { kind: "refused", status: res.status, message: body?.message, fieldErrors: body?.fieldErrors };
}
