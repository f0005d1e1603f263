// Cases and calls for server actions whose only credential is a token in a mail's link (the manage
// link's actions; the evaluation form's too): a valid token, or one that is nearly right, made up or
// of the wrong type, each with valid or hostile form input.
import fc from "fast-check";
import { hostileActionArg, hostileString, forwardedFor, toFormData, type Expectation, type FuzzCase } from "./arbitraries";
import { actionCall, fromFormState, type Outcome } from "./harness";
import { setRequestHeaders } from "./request-context";

const ALTERATIONS = ["append", "truncate", "trailing-space", "zero-width", "case", "array", "object", "percent-encoded"] as const;
type TokenCase = { kind: "valid" } | { kind: "altered"; how: (typeof ALTERATIONS)[number] } | { kind: "raw"; value: unknown };

const tokenCases: fc.Arbitrary<TokenCase> = fc.oneof(
  { arbitrary: fc.constant({ kind: "valid" as const }), weight: 6 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((value) => ({ kind: "raw" as const, value })), weight: 2 },
  { arbitrary: fc.constantFrom(...ALTERATIONS).map((how) => ({ kind: "altered" as const, how })), weight: 3 },
  { arbitrary: fc.oneof(hostileString, hostileActionArg).map((value) => ({ kind: "raw" as const, value })), weight: 2 },
);

function tokenValue(t: TokenCase, valid: string): unknown {
  if (t.kind === "valid") return valid;
  if (t.kind === "raw") return t.value;
  switch (t.how) {
    case "append":
      return `${valid}x`;
    case "truncate":
      return valid.slice(0, 42);
    case "trailing-space":
      return `${valid} `;
    case "zero-width":
      return `${valid.slice(0, 10)}\u200B${valid.slice(10)}`;
    case "case":
      return valid.toUpperCase() === valid ? valid.toLowerCase() : valid.toUpperCase();
    case "array":
      return [valid];
    case "object":
      return { toString: () => valid };
    case "percent-encoded":
      return encodeURIComponent(`${valid}/`);
  }
}

export interface TokenActionInput {
  token: TokenCase;
  /** The form's fields, sent as FormData; or, when `raw`, handed to the action as its argument. */
  fields: unknown;
  raw: boolean;
  ip: string;
}

/**
 * Cases for an action behind a mailed token: a valid or hostile token with valid or hostile form
 * input. A bad token must be refused whatever the form says; `validExpect` is what a good token with
 * a valid form may expect (a colleague can be refused for domain reasons, e.g. already enrolled).
 */
export function tokenActionCases(records: fc.Arbitrary<FuzzCase<unknown>>, validExpect: Expectation, emptyFormIsValid: boolean): fc.Arbitrary<FuzzCase<TokenActionInput>> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(tokenCases, records, forwardedFor).map(([token, rec, ip]) => ({
        input: { token, fields: rec.input, raw: false, ip },
        expect: (token.kind !== "valid" ? "invalid" : rec.expect === "valid" ? validExpect : rec.expect) as Expectation,
        label: `${token.kind === "valid" ? "valid token" : `token ${token.kind === "altered" ? token.how : "raw"}`}, ${rec.label}`,
      })),
    },
    {
      weight: 1,
      // Not FormData at all: a client can call a server action with any arguments it can serialise.
      arbitrary: fc.tuple(tokenCases, hostileActionArg, forwardedFor).map(([token, fields, ip]) => ({
        input: { token, fields, raw: true, ip },
        expect: (token.kind !== "valid" ? "invalid" : emptyFormIsValid ? "any" : "invalid") as Expectation,
        label: `${token.kind} token, form argument is not FormData`,
      })),
    },
  );
}

export type FormAction = (token: string, prev: null, fd: FormData) => Promise<unknown>;

export async function callTokenAction(action: FormAction, input: TokenActionInput, validToken: string): Promise<Outcome> {
  setRequestHeaders({ "x-forwarded-for": input.ip });
  const token = tokenValue(input.token, validToken) as string;
  const fd = (input.raw ? input.fields : toFormData(input.fields)) as FormData;
  return fromFormState((await actionCall(() => action(token, null, fd))) as Parameters<typeof fromFormState>[0]);
}
