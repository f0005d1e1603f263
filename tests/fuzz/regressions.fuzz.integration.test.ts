import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { changeCounter, isClearDanish } from "./harness";
import { setRequestHeaders } from "./request-context";

// What the fuzz harness found in the public entry points, one case each, so that a regression shows
// up by name and not only as a random counterexample; and the same LIKE-wildcard bug in the admin's
// person export, found while fixing the first one.

vi.mock("next/headers", () => import("./next-stubs/next-headers"));
vi.mock("next/cache", () => import("./next-stubs/next-cache"));
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), after: vi.fn() }));

const { prisma } = currentTestDb();
const { POST } = await import("@/app/api/tilmeldinger/route");
const { enrolAction } = await import("@/app/(public)/uddannelser/[slug]/hold/[cohort]/tilmelding/actions");
const manage = await import("@/app/(public)/tilmelding/[token]/actions");
const { submitEvaluationAction } = await import("@/app/(public)/evaluering/[token]/actions");
const { enrol } = await import("@/lib/enrolment/service");
const { EnrolmentSchema } = await import("@/lib/enrolment/schemas");
const { verifyLogin } = await import("@/lib/auth/users");
const stored = await changeCounter(prisma);

let ip = 0;
function post(body: unknown) {
  return POST(
    new NextRequest("http://127.0.0.1/api/tilmeldinger", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${ip++}` },
      body: JSON.stringify(body),
    }),
  );
}
function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

describe("found by fuzzing", () => {
  it("a NUL or half an emoji in a text field is a Danish field error, not a failed insert", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const before = await stored();
    for (const bad of ["Vegetar\u0000", "Vegetar \uD83D"]) {
      const res = await post({ ...applicant(`nul-${ip}`, { dietaryNeeds: bad }), cohortId: cohort.id });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { fieldErrors: Record<string, string> }).fieldErrors.dietaryNeeds).toBe("Kosthensyn indeholder tegn, vi ikke kan gemme – skriv teksten igen");
    }
    expect(await stored()).toEqual(before);
  });

  it("a cohort id with a NUL or half an emoji is an unknown cohort (404), not a 500", async () => {
    const { cohort } = await createCohortFixture(prisma);
    for (const id of [`${cohort.id}\u0000`, `${cohort.id}\uD800`, "<!--\uDDD7"]) {
      const res = await post({ ...applicant(`id-${ip}`), cohortId: id });
      expect(res.status).toBe(404);
    }
  });

  it("fields of the wrong type get Danish messages, not zod's English defaults", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const res = await post({ ...applicant("types"), cohortId: cohort.id, ean: null, cvr: 12345678, billingPostalCode: 2300, municipalityCode: 706, website: [], idempotencyKey: false });
    const { fieldErrors } = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["billingPostalCode", "cvr", "ean", "idempotencyKey", "municipalityCode", "website"]);
    for (const message of Object.values(fieldErrors)) expect(isClearDanish(message), message).toBe(true);
  });

  it("a public applicant's stray CVR field is neither checked nor stored (it made the insert fail)", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const res = await post({ ...applicant("stray-cvr"), cohortId: cohort.id, cvr: "552553403.7841246" });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { enrolmentId: string } };
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: data.enrolmentId } })).invoiceCvr).toBeNull();
  });

  it("an organisation named with LIKE wildcards is not matched to another organisation", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const other = { orgType: "OTHER_PUBLIC", municipalityCode: undefined, ean: "5798000416604" };
    await post({ ...applicant("region", { ...other, organisationName: "Region Hovedstaden" }), cohortId: cohort.id });
    for (const name of ["%", "region%", "Region_Hovedstaden"]) {
      const res = await post({ ...applicant(`wild-${ip}`, { ...other, organisationName: name }), cohortId: cohort.id });
      const { data } = (await res.json()) as { data: { enrolmentId: string } };
      const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: data.enrolmentId }, include: { organisation: true } });
      expect(e.organisation?.name).toBe(name);
    }
    // The same name in another letter case is still the same organisation.
    const res = await post({ ...applicant("region-2", { ...other, organisationName: "REGION HOVEDSTADEN" }), cohortId: cohort.id });
    const { data } = (await res.json()) as { data: { enrolmentId: string } };
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: data.enrolmentId }, include: { organisation: true } })).organisation?.name).toBe("Region Hovedstaden");
  });

  it("server actions called with something other than FormData, or a token that is not a string, refuse in Danish", async () => {
    const { cohort } = await createCohortFixture(prisma);
    setRequestHeaders({ "x-forwarded-for": "198.51.100.200" });
    const r = await enrolAction(cohort.id, null, "not a form" as unknown as FormData);
    expect(r).toMatchObject({ ok: false, message: "Ret de markerede felter og prøv igen." });

    const { manageToken } = await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant("array-token")) });
    const before = await stored();
    const asArray = [manageToken] as unknown as string;
    expect(await manage.updateNeedsAction(asArray, null, form({ dietaryNeeds: "Vegetar" }))).toMatchObject({ ok: false, message: "Linket er ikke gyldigt. Brug linket i den seneste mail, du har fået fra os." });
    expect(await manage.requestCancellationAction(manageToken!, null, undefined as unknown as FormData)).toMatchObject({ ok: false, fieldErrors: { reason: "Skriv begrundelse" } });
    expect(await manage.acceptOfferAction({ toString: () => manageToken } as unknown as string, null, new FormData())).toMatchObject({ ok: false, message: expect.stringMatching(/^Linket er ikke gyldigt/) });
    // An object with no string form at all made the evaluation action throw before it looked at the token.
    for (const token of [Object.create(null), [manageToken], 42]) {
      expect(await submitEvaluationAction(token as string, null, new FormData())).toMatchObject({ ok: false, message: expect.stringMatching(/^Linket findes ikke/) });
    }
    expect(await stored()).toEqual(before);
  });

  it("sign-in with a NUL or half an emoji in the e-mail, or a huge X-Forwarded-For, is a plain refusal", async () => {
    expect(await verifyLogin("a@stillads.invalid\u0000", "x", "198.51.100.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await verifyLogin("\uD83Da@stillads.invalid", "x", "198.51.100.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await verifyLogin("a@stillads.invalid", "x", "9".repeat(8_000))).toEqual({ ok: false, reason: "INVALID" });
  });

  it("the person export counts only the person's own mails and rate limits, not those of an address that matches as a LIKE pattern", async () => {
    const { findPerson } = await import("@/lib/privacy/people");
    const admin = await prisma.user.create({ data: { email: "privacy-admin@stillads.invalid", name: "A", role: "ADMIN", passwordHash: "x" } });
    const now = new Date();
    for (const email of ["anne_marie@kommune.example", "anne.marie@kommune.example"]) {
      await prisma.person.create({ data: { name: email, email } });
      await prisma.outboxMessage.create({ data: { dedupeKey: `like-${email}`, toAddress: email, subject: "Tilmelding", textBody: "…" } });
      await prisma.rateLimitBucket.create({ data: { key: `enrol:email:${email}`, windowStart: now, count: 1 } });
    }
    const found = await findPerson(admin.id, { email: "ANNE_MARIE@kommune.example" });
    expect(found?.counts).toMatchObject({ mails: 1, rateLimits: 1 });
  });
});
