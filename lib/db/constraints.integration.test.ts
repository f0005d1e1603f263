import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentTestDb } from "@/tests/helpers/test-db";

// The rules the database enforces by itself, whatever code writes to it.
const { prisma } = currentTestDb();
let cohortId = "";
let personId = "";

const enrolment = (over: Partial<Prisma.EnrolmentUncheckedCreateInput> = {}): Prisma.EnrolmentUncheckedCreateInput => ({
  cohortId,
  personId,
  priceOre: 1_295_000,
  vatRateBp: 2500,
  termsAcceptedAt: new Date(),
  termsVersion: "v1",
  privacyAcceptedAt: new Date(),
  ...over,
});

async function violation(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError) return `${e.code} ${e.message}`;
    return String((e as Error).message);
  }
  throw new Error("expected the database to refuse the write");
}

beforeAll(async () => {
  const programme = await prisma.programme.create({
    data: { slug: "p", title: "P", summary: "s", content: {}, audience: "a", providerName: "KL", priceOre: 100, termsText: "t", termsVersion: "v1" },
  });
  const cohort = await prisma.cohort.create({
    data: { programmeId: programme.id, slug: "c", name: "C", capacity: 2, enrolmentOpensAt: new Date("2027-01-01"), enrolmentClosesAt: new Date("2027-02-01") },
  });
  cohortId = cohort.id;
  personId = (await prisma.person.create({ data: { name: "A", email: "a@example.org" } })).id;
});

describe("database constraints", () => {
  it("allow one active enrolment per person and cohort, but any number of ended ones", async () => {
    await prisma.enrolment.create({ data: enrolment({ status: "CANCELLED" }) });
    await prisma.enrolment.create({ data: enrolment({ status: "CANCELLED" }) });
    const first = await prisma.enrolment.create({ data: enrolment({ status: "CONFIRMED" }) });
    expect(await violation(prisma.enrolment.create({ data: enrolment({ status: "PENDING" }) }))).toMatch(/^P2002/);
    expect(await violation(prisma.enrolment.create({ data: enrolment({ status: "WAITLISTED", waitlistPosition: 1 }) }))).toMatch(/^P2002/);
    await prisma.enrolment.update({ where: { id: first.id }, data: { status: "SUBSTITUTED" } });
    await prisma.enrolment.create({ data: enrolment({ status: "PENDING" }) });
    expect(await prisma.enrolment.count({ where: { cohortId, personId } })).toBe(4);
  });

  it("tie waitlist positions to the waitlisted status", async () => {
    const other = await prisma.person.create({ data: { name: "B", email: "b@example.org" } });
    expect(await violation(prisma.enrolment.create({ data: enrolment({ personId: other.id, status: "WAITLISTED" }) }))).toMatch(/Enrolment_waitlist_position|P2004|check/i);
    expect(await violation(prisma.enrolment.create({ data: enrolment({ personId: other.id, status: "CONFIRMED", waitlistPosition: 3 }) }))).toMatch(/Enrolment_waitlist_position|check/i);
    expect(await prisma.enrolment.count({ where: { personId: other.id } })).toBe(0);
  });

  it("refuse malformed EAN numbers, lower-case violations and impossible cohorts", async () => {
    const other = await prisma.person.create({ data: { name: "C", email: "c@example.org" } });
    expect(await violation(prisma.enrolment.create({ data: enrolment({ personId: other.id, invoiceEan: "57900001" }) }))).toMatch(/Enrolment_ean_format|check/i);
    expect(await violation(prisma.person.create({ data: { name: "D", email: "D@Example.org" } }))).toMatch(/Person_email_lowercase|check/i);
    const programmeId = (await prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } })).programmeId;
    expect(
      await violation(
        prisma.cohort.create({
          data: { programmeId, slug: "bad", name: "Bad", capacity: 0, enrolmentOpensAt: new Date("2027-01-01"), enrolmentClosesAt: new Date("2027-02-01") },
        }),
      ),
    ).toMatch(/Cohort_capacity_positive|check/i);
    expect(
      await violation(
        prisma.cohort.create({
          data: { programmeId, slug: "bad2", name: "Bad", capacity: 5, enrolmentOpensAt: new Date("2027-02-01"), enrolmentClosesAt: new Date("2027-01-01") },
        }),
      ),
    ).toMatch(/Cohort_window_ordered|check/i);
    expect(await prisma.cohort.count({ where: { slug: { in: ["bad", "bad2"] } } })).toBe(0);
  });

  it("keep one answer per question and response, within the scale", async () => {
    const form = await prisma.evaluationForm.create({
      data: { cohortId, title: "F", questions: { create: [{ position: 1, key: "q", kind: "SCALE", prompt: "?", scaleMin: 1, scaleMax: 10 }] } },
      include: { questions: true },
    });
    const response = await prisma.evaluationResponse.create({ data: { formId: form.id } });
    const questionId = form.questions[0]!.id;
    expect(await violation(prisma.evaluationAnswer.create({ data: { responseId: response.id, questionId, scaleValue: 11 } }))).toMatch(/EvaluationAnswer_scale_range|check/i);
    await prisma.evaluationAnswer.create({ data: { responseId: response.id, questionId, scaleValue: 7 } });
    expect(await violation(prisma.evaluationAnswer.create({ data: { responseId: response.id, questionId, scaleValue: 8 } }))).toMatch(/^P2002/);
  });
});
