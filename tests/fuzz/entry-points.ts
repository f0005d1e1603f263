// Every public entry point of Stillads, set up for the fuzz harness on the current database (the
// test file's, or bench/fuzz.ts's scratch one). Outside Next.js the caller must stand in for
// next/headers, next/cache and next/server (see next-stubs/ and node-hooks.mjs) and for
// "server-only". To add an entry point, append one object to the list (see harness.ts); actions
// behind a mailed token can reuse token-actions.ts.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { enrolAction } from "@/app/(public)/uddannelser/[slug]/hold/[cohort]/tilmelding/actions";
import { acceptOfferAction, requestCancellationAction, sendColleagueAction, updateNeedsAction } from "@/app/(public)/tilmelding/[token]/actions";
import { submitEvaluationAction } from "@/app/(public)/evaluering/[token]/actions";
import { answerField } from "@/lib/evaluations/schemas";
import { POST as postEnrolment } from "@/app/api/tilmeldinger/route";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/passwords";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { formDataToObject } from "@/lib/forms";
import { enrol } from "@/lib/enrolment/service";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken, newToken } from "@/lib/tokens";
import { createDefaultForm } from "@/prisma/seed/evaluations";
import { applicant, createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import {
  enrolmentBreakers,
  forwardedFor,
  hostileActionArg,
  hostileJson,
  hostileString,
  mutatedRecords,
  personBreakers,
  toFormData,
  tooLong,
  validEnrolment,
  validPerson,
  validText,
  wrongTypeJson,
} from "./arbitraries";
import { actionCall, changeCounter, fromFormState, fromResponse, resetRateLimits, type FuzzEntryPoint } from "./harness";
import { setRequestHeaders } from "./request-context";
import { callTokenAction, tokenActionCases, type FormAction, type TokenActionInput } from "./token-actions";

const ENROLMENT_REQUIRED = ["name", "email", "phone", "jobTitle", "orgType", "invoiceAttention", "billingStreet", "billingPostalCode", "billingCity", "acceptTerms", "acceptPrivacy"];

// ── Sign-in ─────────────────────────────────────────────────────────────────────────────────────

/** What the sign-in form shows for each refusal reason (components/admin/sign-in-form.tsx). */
const SIGN_IN_MESSAGES: Record<string, string> = {
  INVALID: "E-mail eller adgangskode er forkert.",
  LOCKED: "Der har været for mange forkerte forsøg med denne e-mail. Prøv igen om 15 minutter.",
  RATE_LIMITED: "For mange forsøg herfra. Prøv igen om lidt.",
};
type Authorize = (credentials: unknown, req: { headers: Record<string, unknown>; body: unknown; query: Record<string, unknown>; method: string }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

// ── The list ────────────────────────────────────────────────────────────────────────────────────

let fixtureCounter = 0;

export async function publicEntryPoints(prisma: PrismaClient): Promise<FuzzEntryPoint<never>[]> {
  const resetLimits = resetRateLimits(prisma);
  const stored = await changeCounter(prisma);

  // One open cohort for both enrolment entry points (so a repeated idempotency key is a duplicate,
  // never a clash between cohorts), one draft and one closed cohort for ids that must be refused.
  const { cohort } = await createCohortFixture(prisma, { capacity: 30 });
  const draft = (await createCohortFixture(prisma, { status: "DRAFT" })).cohort;
  const closed = (await createCohortFixture(prisma, { status: "CLOSED" })).cohort;
  const nearCohortIds = fc.constantFrom(draft.id, closed.id, `${cohort.id} `, `${cohort.id}\u200B`, cohort.id.toUpperCase(), `${cohort.id}' OR '1'='1`, `${cohort.id}\u0000`, `${cohort.id}\uD800`, [cohort.id], { id: cohort.id });
  const hostileCohortId: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileActionArg, nearCohortIds);
  const hostileCohortIdJson: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileJson.filter((v) => v !== undefined), wrongTypeJson, nearCohortIds);

  // Manage links: each action gets its own enrolment, in a cohort that never fills.
  const manageCohort = (await createCohortFixture(prisma, { capacity: 1_000_000 })).cohort;
  const newManageToken = async () => {
    const n = `fuzz-manage-${fixtureCounter++}-${Date.now().toString(36)}`;
    const r = await enrol({ cohortId: manageCohort.id, input: EnrolmentSchema.parse(applicant(n)) });
    return r.manageToken!;
  };
  const tokens = { needs: await newManageToken(), colleague: await newManageToken(), cancellation: await newManageToken(), offer: await newManageToken() };
  const offered = await prisma.enrolment.findUniqueOrThrow({ where: { manageTokenHash: hashToken(tokens.offer) } });
  await prisma.enrolment.update({ where: { id: offered.id }, data: { status: "PENDING", confirmedAt: null, offerExpiresAt: new Date(Date.now() + 30 * 86_400_000) } });

  // Evaluation links: an anonymous form with the default questions; a fresh invitation whenever the
  // current one has been used, so a valid case always has an unused link.
  const evaluationCohort = (await createCohortFixture(prisma)).cohort;
  const evaluationForm = await createDefaultForm(prisma, { cohortId: evaluationCohort.id, title: "Fuzz", anonymous: true, closesAt: new Date(Date.now() + 365 * 86_400_000) });
  const question = Object.fromEntries(evaluationForm.questions.map((q) => [q.key, answerField(q.id)]));
  const newEvaluationToken = async () => {
    const [enrolmentId] = await createParticipants(prisma, evaluationCohort.id, 1);
    const token = newToken();
    await prisma.evaluationInvitation.create({ data: { formId: evaluationForm.id, enrolmentId: enrolmentId!, tokenHash: hashToken(token), sentAt: new Date() } });
    return token;
  };
  let evaluationToken = await newEvaluationToken();
  const scale = fc.integer({ min: 1, max: 10 }).map(String);
  const badScale = () => fc.constantFrom("", " ", "\t", "0", "11", "7.5", "1e1", "٣", "-1", "abc", "5' OR '1'='1");
  const evaluationRecords = mutatedRecords(
    fc.record(
      // formId: the form the page showed, posted back in a hidden field.
      { formId: fc.constant(evaluationForm.id), [question.content_quality!]: scale, [question.content_relevance!]: scale, [question.delivery!]: scale, [question.do_differently!]: validText(4000), [question.comments!]: validText(4000) },
      { requiredKeys: ["formId", question.content_quality!, question.content_relevance!, question.delivery!] },
    ),
    {
      required: ["formId", question.content_quality!, question.content_relevance!, question.delivery!],
      breakers: {
        [question.content_quality!]: badScale,
        [question.content_relevance!]: badScale,
        [question.delivery!]: badScale,
        [question.comments!]: () => tooLong(4000),
      },
      json: false,
    },
  );
  const evaluationStored = await changeCounter(prisma, ["EvaluationResponse", "EvaluationAnswer", "EvaluationInvitation", "AuditLog"]);

  // Sign-in: one staff user.
  const password = "korrekt-hest-batteri-fuzz";
  const user = await prisma.user.create({ data: { email: `fuzz-${Date.now().toString(36)}@stillads.invalid`, name: "Fuzz", role: "ADMIN", passwordHash: await hashPassword(password) } });

  const needsRecords = mutatedRecords(fc.record({ dietaryNeeds: validText(500), accessibilityNeeds: validText(500) }, { requiredKeys: [] }), {
    required: [],
    breakers: { dietaryNeeds: () => tooLong(500), accessibilityNeeds: () => tooLong(500) },
    json: false,
  });
  const colleagueRecords = mutatedRecords(
    fc.tuple(validPerson, fc.record({ dietaryNeeds: validText(500), accessibilityNeeds: validText(500) }, { requiredKeys: [] })).map(([p, n]) => ({ ...p, ...n })),
    { required: ["name", "email", "phone", "jobTitle"], breakers: { ...personBreakers, dietaryNeeds: () => tooLong(500), accessibilityNeeds: () => tooLong(500) }, json: false },
  );
  const cancellationRecords = mutatedRecords(fc.record({ reason: validText(1000) }), {
    required: ["reason"],
    breakers: { reason: () => fc.oneof(fc.constantFrom("", " ", "\n\t"), tooLong(1000)) },
    json: false,
  });

  /** Compares a new enrolment with the input it was accepted for (after the schema's trimming). */
  const verifyEnrolment = async (enrolmentId: string | undefined, raw: unknown): Promise<string | null> => {
    if (!enrolmentId) return "no enrolment id in the answer";
    const e = await prisma.enrolment.findUnique({ where: { id: enrolmentId }, include: { person: true, organisation: true } });
    if (!e) return `enrolment ${enrolmentId} was not stored`;
    const f = EnrolmentSchema.parse(raw);
    const wrong: string[] = [];
    const same = (what: string, stored: unknown, sent: unknown) => stored !== sent && wrong.push(`${what}: stored ${JSON.stringify(stored)}, sent ${JSON.stringify(sent)}`);
    same("person.email", e.person.email, f.email);
    same("person.name", e.person.name, f.name);
    same("invoiceAttention", e.invoiceAttention, f.invoiceAttention);
    same("dietaryNeeds", e.dietaryNeeds, f.dietaryNeeds || null);
    same("invoiceEan", e.invoiceEan, f.ean || null);
    same("invoiceCvr", e.invoiceCvr, f.orgType === "PRIVATE" ? f.cvr : null);
    if (f.orgType === "MUNICIPALITY") same("organisation.municipalityCode", e.organisation?.municipalityCode, Number(f.municipalityCode));
    if (f.orgType === "PRIVATE") same("organisation.cvr", e.organisation?.cvr, f.cvr);
    if (f.orgType === "OTHER_PUBLIC") same("organisation.name (any case)", e.organisation?.name.toLowerCase(), f.organisationName.toLowerCase());
    return wrong.length ? wrong.join("; ") : null;
  };

  type EnrolInput = { cohortId: unknown; fields: unknown; raw: boolean; ip: string };
  type RouteInput = { body: string; contentType: string | null; contentLength: string | null; ip: string };
  type SignInInput = { credentials: unknown; forwardedFor: unknown };

  const entries: FuzzEntryPoint<never>[] = [
    entry<EnrolInput>({
      name: "enrolment form action",
      cases: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.tuple(mutatedRecords(validEnrolment, { required: ENROLMENT_REQUIRED, breakers: enrolmentBreakers, json: false }), forwardedFor).map(([c, ip]) => ({
            input: { cohortId: cohort.id, fields: c.input, raw: false, ip },
            expect: c.expect,
            label: c.label,
          })),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(validEnrolment, hostileCohortId, forwardedFor).map(([fields, cohortId, ip]) => ({ input: { cohortId, fields, raw: false, ip }, expect: "invalid" as const, label: "hostile cohort id" })),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(hostileActionArg, forwardedFor).map(([fields, ip]) => ({ input: { cohortId: cohort.id, fields, raw: true, ip }, expect: "invalid" as const, label: "form argument is not FormData" })),
        },
      ),
      call: async ({ cohortId, fields, raw, ip }) => {
        setRequestHeaders({ "x-forwarded-for": ip });
        const fd = (raw ? fields : toFormData(fields)) as FormData;
        return fromFormState(await actionCall(() => enrolAction(cohortId as string, null, fd)));
      },
      countStored: stored,
      beforeEach: resetLimits,
      // A new enrolment redirects to its manage link; an "already enrolled" answer stores nothing new.
      verifyAccepted: async ({ fields }, outcome) => {
        const token = outcome.ref?.match(/^\/tilmelding\/([A-Za-z0-9_-]{43})\?ny=1$/)?.[1];
        if (!outcome.ref) return null;
        if (!token) return `unexpected redirect ${outcome.ref}`;
        const e = await prisma.enrolment.findUnique({ where: { manageTokenHash: hashToken(token) } });
        return verifyEnrolment(e?.id, formDataToObject(toFormData(fields)));
      },
    }),

    entry<RouteInput>({
      name: "POST /api/tilmeldinger",
      cases: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.tuple(mutatedRecords(validEnrolment, { required: ENROLMENT_REQUIRED, breakers: enrolmentBreakers, json: true }), forwardedFor).map(([c, ip]) => {
            const body = JSON.stringify({ ...(c.input as object), cohortId: cohort.id });
            // The route reads at most 32 KB however the body is sent (chunked, no Content-Length here).
            const tooLarge = Buffer.byteLength(body) > 32_768;
            return {
              input: { body, contentType: "application/json", contentLength: null, ip },
              expect: tooLarge ? ("invalid" as const) : c.expect,
              label: tooLarge ? `${c.label}, body over 32 KB` : c.label,
            };
          }),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(validEnrolment, hostileCohortIdJson, forwardedFor).map(([fields, cohortId, ip]) => ({
            input: { body: JSON.stringify({ ...fields, cohortId }), contentType: "application/json; charset=utf-8", contentLength: null, ip },
            expect: "invalid" as const,
            label: "hostile cohort id",
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.oneof(
                hostileString,
                hostileJson.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => JSON.stringify(v) ?? ""),
                validEnrolment.map((v) => JSON.stringify({ ...v, cohortId: cohort.id }).slice(0, -1)),
                fc.constant(`{"cohortId":"${cohort.id}","name":"x",}`),
              ),
              fc.constantFrom("application/json", "Application/JSON", "application/json-patch+json"),
              forwardedFor,
            )
            .map(([body, contentType, ip]) => ({ input: { body, contentType, contentLength: null, ip }, expect: "invalid" as const, label: "not a JSON object" })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(validEnrolment, fc.constantFrom(null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonp", "", "*/*"), forwardedFor)
            .map(([fields, contentType, ip]) => ({ input: { body: JSON.stringify({ ...fields, cohortId: cohort.id }), contentType, contentLength: null, ip }, expect: "invalid" as const, label: "not sent as JSON" })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(validEnrolment, fc.constantFrom("32769", "1000000000", "9".repeat(30), "1e9"), forwardedFor)
            .map(([fields, contentLength, ip]) => ({ input: { body: JSON.stringify({ ...fields, cohortId: cohort.id }), contentType: "application/json", contentLength, ip }, expect: "invalid" as const, label: "declared too large" })),
        },
      ),
      call: async ({ body, contentType, contentLength, ip }) => {
        const headers = new Headers();
        const set = (k: string, v: string | null) => {
          if (v === null) return;
          try {
            headers.set(k, v);
          } catch {
            // not a legal header value: no client can send it
          }
        };
        set("content-type", contentType);
        set("content-length", contentLength);
        set("x-forwarded-for", ip);
        return fromResponse(await postEnrolment(new NextRequest("http://127.0.0.1/api/tilmeldinger", { method: "POST", headers, body })));
      },
      countStored: stored,
      beforeEach: resetLimits,
      verifyAccepted: async ({ body }, outcome) => {
        const data = JSON.parse(outcome.ref ?? "null") as { enrolmentId?: string; duplicate?: boolean } | null;
        if (data?.duplicate) return null;
        const fields = JSON.parse(body) as Record<string, unknown>;
        delete fields.cohortId;
        return verifyEnrolment(data?.enrolmentId, fields);
      },
    }),

    entry<TokenActionInput>({
      name: "manage link: update needs",
      cases: tokenActionCases(needsRecords, "valid", true),
      call: (input) => callTokenAction(updateNeedsAction as FormAction, input, tokens.needs),
      countStored: stored,
      beforeEach: resetLimits,
    }),

    entry<TokenActionInput>({
      name: "manage link: send a colleague",
      cases: tokenActionCases(colleagueRecords, "any", false),
      call: (input) => callTokenAction(sendColleagueAction as FormAction, input, tokens.colleague),
      countStored: stored,
      beforeEach: async () => {
        await resetLimits();
        // A colleague who took the seat used up the link: the next case gets a fresh enrolment.
        const e = await prisma.enrolment.findUnique({ where: { manageTokenHash: hashToken(tokens.colleague) } });
        if (e?.status !== "CONFIRMED") tokens.colleague = await newManageToken();
      },
    }),

    entry<TokenActionInput>({
      name: "manage link: request cancellation",
      cases: tokenActionCases(cancellationRecords, "valid", false),
      call: (input) => callTokenAction(requestCancellationAction as FormAction, input, tokens.cancellation),
      countStored: stored,
      beforeEach: resetLimits,
    }),

    entry<TokenActionInput>({
      name: "manage link: accept offer",
      // The action reads no fields: a good token is all it takes.
      cases: tokenActionCases(needsRecords.map((c) => ({ ...c, expect: "valid" as const })), "valid", true),
      call: (input) => callTokenAction(acceptOfferAction as FormAction, input, tokens.offer),
      countStored: stored,
      beforeEach: resetLimits,
    }),

    entry<TokenActionInput>({
      name: "evaluation: submit answers",
      cases: tokenActionCases(evaluationRecords, "valid", false),
      call: (input) => callTokenAction(submitEvaluationAction as FormAction, input, evaluationToken),
      countStored: evaluationStored,
      beforeEach: async () => {
        await resetLimits();
        const used = await prisma.evaluationInvitation.findUnique({ where: { tokenHash: hashToken(evaluationToken) }, select: { usedAt: true } });
        if (used?.usedAt) evaluationToken = await newEvaluationToken();
      },
    }),

    entry<SignInInput>({
      name: "sign-in (credentials authorize)",
      cases: fc.oneof(
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom(user.email, user.email.toUpperCase(), `  ${user.email}\t`), fc.dictionary(fc.constantFrom("role", "id", "callbackUrl", "csrfToken", "redirect"), hostileString, { maxKeys: 3 }), forwardedFor)
            .map(([email, extra, ff]) => ({ input: { credentials: { ...extra, email, password }, forwardedFor: ff }, expect: "valid" as const, label: "right password" })),
        },
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.oneof(hostileString, fc.constantFrom(`${password} `, password.toUpperCase(), `${password}\u0000`, `${password}\u200B`, "' OR '1'='1")), forwardedFor)
            .filter(([p]) => p !== password)
            .map(([p, ff]) => ({ input: { credentials: { email: user.email, password: p }, forwardedFor: ff }, expect: "invalid" as const, label: "wrong password" })),
        },
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.oneof(hostileString, fc.constantFrom(`${user.email}\u0000`, `${user.email}\u200B`, `${user.email}' --`, `%${user.email.slice(1)}`)), fc.oneof(hostileString, fc.constant(password)), forwardedFor)
            .filter(([e]) => e.trim().toLowerCase().slice(0, 254) !== user.email)
            .map(([email, p, ff]) => ({ input: { credentials: { email, password: p }, forwardedFor: ff }, expect: "invalid" as const, label: "unknown e-mail" })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.oneof(hostileJson, fc.record({ email: fc.oneof(wrongTypeJson, fc.constant(user.email)), password: wrongTypeJson }), fc.record({ email: wrongTypeJson, password: fc.constant(password) })), fc.oneof(forwardedFor, fc.array(forwardedFor, { maxLength: 3 })))
            .map(([credentials, ff]) => ({ input: { credentials, forwardedFor: ff }, expect: "invalid" as const, label: "credentials of the wrong shape" })),
        },
      ),
      call: async ({ credentials, forwardedFor: ff }) => {
        try {
          const signedIn = await authorize(credentials, { headers: { "x-forwarded-for": ff }, body: credentials, query: {}, method: "POST" });
          if (!signedIn) return { kind: "refused", message: SIGN_IN_MESSAGES.INVALID };
          return signedIn.id === user.id ? { kind: "accepted" } : { kind: "server-error", detail: `signed in as ${signedIn.id}` };
        } catch (err) {
          // next-auth hands a thrown Error's message to the form, which shows the Danish text for its reason.
          const reason = err instanceof Error ? err.message : "";
          if (SIGN_IN_MESSAGES[reason]) return { kind: "refused", message: SIGN_IN_MESSAGES[reason] };
          throw err;
        }
      },
      countStored: async () => {
        const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, passwordHash: true, role: true, disabledAt: true, lastLoginAt: true } });
        return { users: await prisma.user.count(), audit: await prisma.auditLog.count(), user: JSON.stringify(u) };
      },
      beforeEach: async () => {
        await resetLimits();
      },
    }),
  ];
  return entries;
}

/** Types one entry point by its input and erases the type for the list. */
function entry<I>(e: FuzzEntryPoint<I>): FuzzEntryPoint<never> {
  return e as unknown as FuzzEntryPoint<never>;
}
