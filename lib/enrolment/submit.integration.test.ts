import { describe, expect, it } from "vitest";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { submitEnrolment } from "./submit";

// The entry point shared by the form and the JSON endpoint: parse, drop bots, rate-limit, enrol.
process.env.RATE_LIMIT_ENROL_PER_EMAIL = "2";
process.env.RATE_LIMIT_ENROL_PER_IP = "4";
const { prisma } = currentTestDb();

describe("submitEnrolment", () => {
  it("answers invalid input with Danish field errors and stores nothing", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const r = await submitEnrolment(cohort.id, { ...applicant("invalid"), ean: "1234567890123", email: "x" }, "10.0.0.1");
    expect(r).toMatchObject({ ok: false, status: 422 });
    expect(!r.ok && r.fieldErrors).toMatchObject({ ean: "EAN-nummeret er ikke gyldigt – kontrollér cifrene", email: expect.stringMatching(/gyldig e-mailadresse/) });
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await prisma.person.count({ where: { email: "x" } })).toBe(0);
  });

  it("drops a submission whose honeypot is filled in", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const r = await submitEnrolment(cohort.id, { ...applicant("bot"), website: "http://spam.example" }, "10.0.0.2");
    expect(r).toMatchObject({ ok: false, status: 422, message: "Tilmeldingen kunne ikke modtages." });
    expect(await prisma.person.count({ where: { email: "ansoeger-bot@kommune.example" } })).toBe(0);
  });

  it("limits attempts per e-mail and per address", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const same = applicant("limited");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await submitEnrolment(cohort.id, same, "10.0.0.3")).status);
    expect(statuses).toEqual([201, 200, 429]);

    const byIp = [];
    for (let i = 0; i < 5; i++) byIp.push((await submitEnrolment(cohort.id, applicant(`ip-${i}`), "10.0.0.4")).status);
    expect(byIp).toEqual([201, 201, 201, 201, 429]);
    expect(await prisma.person.count({ where: { email: "ansoeger-ip-4@kommune.example" } })).toBe(0);
  });

  it("refuses unknown cohorts and caps what it reads", async () => {
    expect((await submitEnrolment("nope", applicant("nope"), "10.0.0.5")).status).toBe(404);
    expect((await submitEnrolment({ evil: true }, applicant("nope"), "10.0.0.5")).status).toBe(404);
    const { cohort } = await createCohortFixture(prisma);
    const huge = await submitEnrolment(cohort.id, { ...applicant("huge"), dietaryNeeds: "x".repeat(100_000) }, "10.0.0.6");
    expect(huge).toMatchObject({ ok: false, status: 422 });
    expect(!huge.ok && huge.fieldErrors?.dietaryNeeds).toBe("Kosthensyn må højst være 500 tegn");
  });
});
