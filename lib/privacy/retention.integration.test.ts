import { beforeAll, describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { applyRetention, retentionDryRun } from "./retention";

const { prisma } = currentTestDb();

// A fixed "now" in 2027: participant cutoff 1 March 2025, invoicing cutoff 1 January 2022 (Danish time).
const NOW = new Date("2027-03-01T10:00:00Z");
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

let orgId = "";
const cohorts: Record<string, { id: string; dayId: string }> = {};
const people: Record<string, { id: string; enrolmentIds: string[] }> = {};

/** A cohort whose two one-day sessions start at firstDay and a week later (so it ends a week + 7 h after firstDay). */
async function cohort(name: string, firstDay: Date) {
  const { cohort } = await createCohortFixture(prisma, { status: "COMPLETED", firstDay, opensAt: new Date(firstDay.getTime() - 200 * DAY), closesAt: new Date(firstDay.getTime() - DAY) });
  const day = await prisma.sessionDay.findFirstOrThrow({ where: { session: { cohortId: cohort.id } }, orderBy: { startsAt: "asc" } });
  cohorts[name] = { id: cohort.id, dayId: day.id };
}

/** A participant with everything a real one leaves behind in each of the named cohorts. */
async function participant(tag: string, cohortNames: string[]) {
  const person = await prisma.person.create({
    data: { name: `Deltager ${tag}`, email: `deltager-${tag}@kommune.example`, phone: "12345678", jobTitle: "Konsulent", organisationId: orgId },
  });
  const enrolmentIds: string[] = [];
  for (const name of cohortNames) {
    const c = cohorts[name]!;
    const e = await prisma.enrolment.create({
      data: {
        cohortId: c.id, personId: person.id, organisationId: orgId, status: "COMPLETED", priceOre: 1_295_000, vatRateBp: 2500,
        invoiceEan: "5798000416604", invoiceCvr: "29189846", invoiceAttention: `Økonomi v/ ${tag}`, invoiceReference: `PO-${tag}`,
        billingName: "Testkommune", billingStreet: "Rådhuspladsen 1", billingPostalCode: "1550", billingCity: "København V",
        dietaryNeeds: "Vegetar", accessibilityNeeds: "Kørestol", cancellationRequestReason: "Syg", internalNotes: `Ringet til ${tag}`,
        termsAcceptedAt: at("2020-01-01T10:00:00Z"), termsVersion: "test-1", privacyAcceptedAt: at("2020-01-01T10:00:00Z"),
        manageTokenHash: `hash-${tag}-${name}`, idempotencyKey: `key-${tag}-${name}`, confirmedAt: at("2020-01-02T10:00:00Z"), completedAt: at("2020-06-01T10:00:00Z"),
      },
    });
    await prisma.attendance.create({ data: { sessionDayId: c.dayId, enrolmentId: e.id, status: "PRESENT", note: `${tag} gik tidligt` } });
    await prisma.auditLog.create({
      data: { actorLabel: `participant:${e.id}`, action: "enrolment.needs_updated", entityType: "Enrolment", entityId: e.id, before: { dietaryNeeds: null }, after: { dietaryNeeds: "Vegetar" } },
    });
    enrolmentIds.push(e.id);
  }
  people[tag] = { id: person.id, enrolmentIds };
  return people[tag];
}

async function snapshot() {
  return {
    people: await prisma.person.findMany({ orderBy: { id: "asc" } }),
    enrolments: await prisma.enrolment.findMany({ orderBy: { id: "asc" } }),
    attendance: await prisma.attendance.findMany({ orderBy: { id: "asc" } }),
    invitations: await prisma.evaluationInvitation.findMany({ orderBy: { id: "asc" } }),
    responses: await prisma.evaluationResponse.findMany({ orderBy: { id: "asc" } }),
    audit: await prisma.auditLog.findMany({ orderBy: { id: "asc" } }),
    outbox: await prisma.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    rateLimits: await prisma.rateLimitBucket.findMany({ orderBy: { key: "asc" } }),
  };
}

const PERSONAL_FIELDS_CLEARED = {
  invoiceAttention: null, dietaryNeeds: null, accessibilityNeeds: null, cancellationRequestReason: null, cancelReason: null,
  internalNotes: null, manageTokenHash: null, idempotencyKey: null,
};
const INVOICING_KEPT = {
  organisationId: expect.any(String), status: "COMPLETED", priceOre: 1_295_000, vatRateBp: 2500, invoiceEan: "5798000416604", invoiceCvr: "29189846",
  billingName: "Testkommune", billingStreet: "Rådhuspladsen 1", billingPostalCode: "1550", billingCity: "København V",
  termsAcceptedAt: at("2020-01-01T10:00:00Z"), termsVersion: "test-1", confirmedAt: at("2020-01-02T10:00:00Z"), completedAt: at("2020-06-01T10:00:00Z"),
};

beforeAll(async () => {
  orgId = (await prisma.organisation.create({ data: { name: "Testkommune", kind: "MUNICIPALITY" } })).id;
  await cohort("recent", at("2026-02-02T08:00:00Z")); // ended about a year ago: nothing happens
  await cohort("threeYears", at("2024-02-01T08:00:00Z")); // ended three years ago: anonymised
  await cohort("fiveYears", at("2022-01-10T08:00:00Z")); // ended in 2022, more than five years ago: anonymised, invoicing kept
  await cohort("newYear", at("2021-12-24T16:30:00Z")); // last day ends 31 Dec 2021 23:30 UTC = 1 Jan 2022 in Copenhagen: kept
  await cohort("sixYears", at("2021-12-01T08:00:00Z")); // ended in 2021: past the invoicing rule, deleted

  await participant("tre", ["threeYears"]);
  await participant("blandet", ["threeYears", "recent"]);
  await participant("nylig", ["recent"]);
  await participant("gammel", ["sixYears"]);
  await participant("fem", ["fiveYears"]);
  await participant("nytaar", ["newYear"]);
  await participant("begge", ["sixYears", "recent"]);
  // A substitution inside the deleted cohort: the replacement points at the original (onDelete Restrict).
  const original = await participant("original", ["sixYears"]);
  const colleague = await participant("kollega", ["sixYears"]);
  await prisma.enrolment.update({ where: { id: original.enrolmentIds[0] }, data: { status: "SUBSTITUTED" } });
  await prisma.enrolment.update({ where: { id: colleague.enrolmentIds[0] }, data: { replacesId: original.enrolmentIds[0] } });

  // A named evaluation answered by "tre", and an invitation to "gammel".
  for (const [tag, name] of [["tre", "threeYears"], ["gammel", "sixYears"]] as const) {
    const form = await prisma.evaluationForm.create({
      data: { cohortId: cohorts[name]!.id, title: "Evaluering", anonymous: false, questions: { create: [{ position: 1, key: "overall", kind: "SCALE", prompt: "Samlet", scaleMin: 1, scaleMax: 5 }] } },
      include: { questions: true },
    });
    const inv = await prisma.evaluationInvitation.create({ data: { formId: form.id, enrolmentId: people[tag]!.enrolmentIds[0]!, tokenHash: `inv-${tag}`, sentAt: at("2020-06-02T10:00:00Z"), usedAt: at("2020-06-03T10:00:00Z") } });
    await prisma.evaluationResponse.create({ data: { formId: form.id, invitationId: inv.id, answers: { create: [{ questionId: form.questions[0]!.id, scaleValue: 4 }] } } });
  }

  // The audit log: one entry from 2021 (deleted), one from the first minutes of 2022 in Copenhagen (kept).
  await prisma.auditLog.create({ data: { actorLabel: "system", action: "cohort.updated", entityType: "Cohort", entityId: cohorts.sixYears!.id, createdAt: at("2021-07-01T10:00:00Z") } });
  await prisma.auditLog.create({ data: { actorLabel: "system", action: "cohort.updated", entityType: "Cohort", entityId: cohorts.fiveYears!.id, createdAt: at("2021-12-31T23:30:00Z") } });

  const mail = (key: string, over: object) => prisma.outboxMessage.create({ data: { dedupeKey: key, toAddress: "deltager-tre@kommune.example", subject: "Emne", textBody: "Hej", ...over } });
  await mail("sent-old", { status: "SENT", sentAt: new Date(NOW.getTime() - 100 * DAY) });
  await mail("sent-new", { status: "SENT", sentAt: new Date(NOW.getTime() - 10 * DAY) });
  await mail("failed-old", { status: "FAILED", updatedAt: new Date(NOW.getTime() - 100 * DAY) });
  await mail("pending-old", { status: "PENDING", createdAt: new Date(NOW.getTime() - 400 * DAY) });

  await prisma.rateLimitBucket.create({ data: { key: "enrol:email:deltager-tre@kommune.example", windowStart: new Date(NOW.getTime() - 2 * DAY), count: 1 } });
  await prisma.rateLimitBucket.create({ data: { key: "login:ip:10.0.0.1", windowStart: new Date(NOW.getTime() - 3_600_000), count: 1 } });
});

const EXPECTED = {
  // Enrolments in threeYears (2), fiveYears, newYear and sixYears (4): eight with personal data.
  // People: tre, fem, nytaar, gammel, original, kollega (blandet and begge also have a recent enrolment).
  participantData: { persons: 6, enrolments: 8, attendanceNotes: 8, evaluationInvitations: 2, auditEntries: 8 },
  invoicingData: { enrolments: 4, persons: 3 },
  auditLog: { entries: 1 },
  mail: { messages: 2 },
  rateLimits: { buckets: 1 },
};

describe("the retention run", () => {
  it("reports per class in a dry run and changes nothing", async () => {
    const before = await snapshot();
    const report = await retentionDryRun(prisma, NOW);
    expect(report).toMatchObject({ applied: false, ...EXPECTED });
    expect(report.participantData.cutoff).toBe("2025-03-01T10:00:00.000Z");
    expect(report.invoicingData.cutoff).toBe("2021-12-31T23:00:00.000Z");
    expect(JSON.stringify(report)).not.toMatch(/deltager|Vegetar|Konsulent|kommune\.example/i);
    expect(await snapshot()).toEqual(before);
  });

  it("applies exactly that in one go: anonymises, keeps invoicing data, deletes what is past the bookkeeping rule, and audits it", async () => {
    const report = await applyRetention(prisma, NOW);
    expect(report).toMatchObject({ applied: true, ...EXPECTED });

    // Three years ago: the person is anonymised, the enrolment keeps what invoicing needs.
    const tre = await prisma.person.findUniqueOrThrow({ where: { id: people.tre!.id } });
    expect(tre).toMatchObject({ name: "Anonymiseret", email: `anonymiseret-${tre.id}@anonymiseret.invalid`, phone: null, jobTitle: null, organisationId: null, anonymisedAt: NOW });
    const treEnrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: people.tre!.enrolmentIds[0] } });
    expect(treEnrolment).toMatchObject({ ...PERSONAL_FIELDS_CLEARED, ...INVOICING_KEPT, invoiceReference: "PO-tre", cohortId: cohorts.threeYears!.id });
    expect(await prisma.attendance.findFirstOrThrow({ where: { enrolmentId: treEnrolment.id } })).toMatchObject({ status: "PRESENT", note: null });
    expect(await prisma.evaluationInvitation.count({ where: { enrolmentId: treEnrolment.id } })).toBe(0);
    // The named response stays for the statistics, no longer linked to anyone.
    const responses = await prisma.evaluationResponse.findMany({ where: { form: { cohortId: cohorts.threeYears!.id } }, include: { answers: true } });
    expect(responses).toMatchObject([{ invitationId: null, answers: [{ scaleValue: 4 }] }]);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Enrolment", entityId: treEnrolment.id } })).toMatchObject({ action: "enrolment.needs_updated", before: null, after: null });

    // A person with a recent enrolment keeps their name; only the old enrolment is scrubbed.
    const blandet = await prisma.person.findUniqueOrThrow({ where: { id: people.blandet!.id }, include: { enrolments: true } });
    expect(blandet).toMatchObject({ name: "Deltager blandet", phone: "12345678", anonymisedAt: null });
    const [oldOne, recentOne] = people.blandet!.enrolmentIds.map((id) => blandet.enrolments.find((e) => e.id === id)!);
    expect(oldOne).toMatchObject({ ...PERSONAL_FIELDS_CLEARED, invoiceReference: "PO-blandet" });
    expect(recentOne).toMatchObject({ dietaryNeeds: "Vegetar", invoiceAttention: "Økonomi v/ blandet", manageTokenHash: "hash-blandet-recent" });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: recentOne!.id } })).toMatchObject({ after: { dietaryNeeds: "Vegetar" } });

    // Ended about a year ago: untouched.
    const nylig = await prisma.person.findUniqueOrThrow({ where: { id: people.nylig!.id }, include: { enrolments: { include: { attendance: true } } } });
    expect(nylig).toMatchObject({ name: "Deltager nylig", anonymisedAt: null, enrolments: [{ dietaryNeeds: "Vegetar", internalNotes: "Ringet til nylig", attendance: [{ note: "nylig gik tidligt" }] }] });

    // Ended in 2022 (in Danish time), more than five years ago: invoicing data kept, the person anonymised.
    for (const tag of ["fem", "nytaar"]) {
      const p = await prisma.person.findUniqueOrThrow({ where: { id: people[tag]!.id }, include: { enrolments: true } });
      expect(p).toMatchObject({ name: "Anonymiseret", enrolments: [{ ...PERSONAL_FIELDS_CLEARED, ...INVOICING_KEPT, invoiceReference: `PO-${tag}` }] });
    }

    // Ended in 2021: enrolments and the people left with none are gone, with their attendance and invitations.
    expect(await prisma.enrolment.count({ where: { cohortId: cohorts.sixYears!.id } })).toBe(0);
    expect(await prisma.person.count({ where: { id: { in: ["gammel", "original", "kollega"].map((t) => people[t]!.id) } } })).toBe(0);
    expect(await prisma.attendance.count({ where: { sessionDay: { session: { cohortId: cohorts.sixYears!.id } } } })).toBe(0);
    expect(await prisma.evaluationResponse.count({ where: { form: { cohortId: cohorts.sixYears!.id } } })).toBe(1);
    const begge = await prisma.person.findUniqueOrThrow({ where: { id: people.begge!.id }, include: { enrolments: true } });
    expect(begge).toMatchObject({ name: "Deltager begge", enrolments: [{ cohortId: cohorts.recent!.id, dietaryNeeds: "Vegetar" }] });
    expect(await prisma.cohort.count({ where: { id: cohorts.sixYears!.id } })).toBe(1);

    // Audit log, outbox and rate limits by their own periods.
    expect(await prisma.auditLog.count({ where: { entityType: "Cohort", action: "cohort.updated" } })).toBe(1);
    expect((await prisma.outboxMessage.findMany({ orderBy: { dedupeKey: "asc" } })).map((m) => m.dedupeKey)).toEqual(["pending-old", "sent-new"]);
    expect((await prisma.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["login:ip:10.0.0.1"]);

    // One audit entry with the counts and nothing personal.
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "retention.applied" } });
    expect(entry).toMatchObject({ actorLabel: "system:retention", actorUserId: null, entityType: "Retention", entityId: NOW.toISOString(), after: EXPECTED });
    expect(JSON.stringify(entry)).not.toMatch(/deltager|Vegetar|Konsulent|kommune\.example/i);
  });

  it("finds nothing more to do when run again", async () => {
    const report = await retentionDryRun(prisma, NOW);
    expect(report).toMatchObject({
      participantData: { persons: 0, enrolments: 0, attendanceNotes: 0, evaluationInvitations: 0, auditEntries: 0 },
      invoicingData: { enrolments: 0, persons: 0 },
      auditLog: { entries: 0 },
      mail: { messages: 0 },
      rateLimits: { buckets: 0 },
    });
  });
});
