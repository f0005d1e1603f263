import { describe, expect, it } from "vitest";
import { updateCohort } from "@/lib/cohorts/service";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { applicantInput as input, rejection } from "@/tests/helpers/enrolment";
import { currentTestDb } from "@/tests/helpers/test-db";
import { cancelEnrolment, moveEnrolment } from "./admin";
import { sendColleague } from "./manage";
import { ColleagueSchema } from "./schemas";
import { enrol } from "./service";
import { expireWaitlistOffers } from "./waitlist";

// The seat counter ("Cohort"."seatsTaken", kept by a trigger, bounded by a CHECK) and everything that
// changes who holds a seat, raced against each other.

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

/** The counter and a fresh count of seat-holding enrolments, per cohort. */
async function seatState(cohortId: string) {
  const c = await prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } });
  const counted = await prisma.enrolment.count({ where: { cohortId, status: { in: ["CONFIRMED", "PENDING", "COMPLETED"] } } });
  return { capacity: c.capacity, seatsTaken: c.seatsTaken, counted };
}

/** A second cohort of the same programme (moves stay within a programme), with one course day. */
async function sibling(programmeId: string, capacity: number) {
  const mod = await prisma.module.findFirstOrThrow({ where: { programmeId }, orderBy: { position: "asc" } });
  const tag = Math.random().toString(36).slice(2, 8);
  return prisma.cohort.create({
    data: {
      programmeId, slug: `soskende-${tag}`, name: `Søskende ${tag}`, status: "PUBLISHED", capacity,
      enrolmentOpensAt: new Date("2026-01-01T00:00:00Z"), enrolmentClosesAt: new Date("2027-08-01T00:00:00Z"),
      sessions: { create: [{ moduleId: mod.id, days: { create: [{ startsAt: new Date("2027-10-04T07:00:00Z"), endsAt: new Date("2027-10-04T14:00:00Z") }] } }] },
    },
  });
}

const cohortEdit = (capacity: number, closes = "2027-08-01") => ({ name: "Redigeret hold", capacity, enrolmentOpens: "2026-01-01", enrolmentCloses: closes, priceOverrideKr: "" });

describe("the seat counter", () => {
  it("is refused by the database rather than oversold, whoever writes", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    await enrol({ cohortId: cohort.id, input: input("check-a"), now: NOW });
    const person = await prisma.person.create({ data: { name: "Direkte", email: "direkte@kommune.example" } });
    const at = new Date("2026-01-15T10:00:00Z");
    await expect(
      prisma.enrolment.create({
        data: { cohortId: cohort.id, personId: person.id, status: "CONFIRMED", priceOre: 1, vatRateBp: 2500, termsAcceptedAt: at, termsVersion: "x", privacyAcceptedAt: at },
      }),
    ).rejects.toThrow(/Cohort_seats_within_capacity/);
    await expect(prisma.cohort.update({ where: { id: cohort.id }, data: { capacity: 0 } })).rejects.toThrow();
    expect(await seatState(cohort.id)).toEqual({ capacity: 1, seatsTaken: 1, counted: 1 });
  });

  it("equals the seat-holding enrolments after enrolments race cancellations, a move, a capacity edit, a substitution and offer expiry", async () => {
    const { cohort: a, programme } = await createCohortFixture(prisma, { capacity: 4 });
    const b = await sibling(programme.id, 3);
    const user = await prisma.user.create({ data: { email: "race-admin@stillads.invalid", name: "Adm", role: "ADMIN", passwordHash: "x" } });
    const seated = [];
    for (let i = 0; i < 4; i++) seated.push(await enrol({ cohortId: a.id, input: input(`mix-a${i}`), now: NOW }));
    for (let i = 0; i < 3; i++) await enrol({ cohortId: a.id, input: input(`mix-w${i}`), now: NOW });
    await enrol({ cohortId: b.id, input: input("mix-b0"), now: NOW });
    const colleague = ColleagueSchema.parse({ name: "Kollega Kapløb", email: "kollega-kaploeb@kommune.example", phone: "87654321", jobTitle: "Konsulent" });

    const results = await Promise.allSettled([
      ...Array.from({ length: 16 }, (_, i) => enrol({ cohortId: a.id, input: input(`mix-new-a${i}`), now: NOW })),
      ...Array.from({ length: 8 }, (_, i) => enrol({ cohortId: b.id, input: input(`mix-new-b${i}`), now: NOW })),
      cancelEnrolment({ enrolmentId: seated[0]!.enrolmentId, reason: "Kapløb", actorUserId: user.id, now: NOW }),
      moveEnrolment({ enrolmentId: seated[1]!.enrolmentId, targetCohortId: b.id, actorUserId: user.id, now: NOW }),
      updateCohort(a.id, cohortEdit(6), user.id),
      sendColleague(seated[2]!.manageToken!, colleague, NOW),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    // Offers made along the way lapse; their seats pass on, still counted.
    await expireWaitlistOffers(new Date(NOW.getTime() + 100 * 3_600_000));

    for (const id of [a.id, b.id]) {
      const s = await seatState(id);
      expect(s.seatsTaken).toBe(s.counted);
      expect(s.seatsTaken).toBeLessThanOrEqual(s.capacity);
    }
    // Both cohorts end full: there were always more applicants than seats.
    expect(await seatState(a.id)).toEqual({ capacity: 6, seatsTaken: 6, counted: 6 });
    expect(await seatState(b.id)).toEqual({ capacity: 3, seatsTaken: 3, counted: 3 });
    // Every waitlist number is distinct, and the ones still waiting rank 1, 2, 3, ...
    const waiting = await prisma.enrolment.findMany({ where: { cohortId: a.id, status: "WAITLISTED" }, orderBy: { waitlistPosition: "asc" } });
    expect(new Set(waiting.map((e) => e.waitlistPosition)).size).toBe(waiting.length);
  });

  it("turns a full cohort's applicants to the waitlist while a capacity edit and a cancellation free seats", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 2 });
    const user = await prisma.user.create({ data: { email: "race-admin2@stillads.invalid", name: "Adm", role: "ADMIN", passwordHash: "x" } });
    const first = await enrol({ cohortId: cohort.id, input: input("full-0"), now: NOW });
    await enrol({ cohortId: cohort.id, input: input("full-1"), now: NOW });
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => enrol({ cohortId: cohort.id, input: input(`full-new-${i}`), now: NOW })),
      cancelEnrolment({ enrolmentId: first.enrolmentId, reason: "Syg", actorUserId: user.id, now: NOW }).then(() => null),
      updateCohort(cohort.id, cohortEdit(3), user.id).then(() => null),
    ]);
    const s = await seatState(cohort.id);
    expect(s).toEqual({ capacity: 3, seatsTaken: 3, counted: 3 });
    const statuses = await prisma.enrolment.groupBy({ by: ["status"], where: { cohortId: cohort.id }, _count: { _all: true } });
    const n = (status: string) => statuses.find((x) => x.status === status)?._count._all ?? 0;
    expect(n("CONFIRMED") + n("PENDING")).toBe(3);
    expect(n("CONFIRMED") + n("PENDING") + n("WAITLISTED") + n("CANCELLED")).toBe(12);
    expect(results.filter(Boolean)).toHaveLength(10);
  });
});

describe("who an enrolment belongs to", () => {
  it("refuses an idempotency key reused with another e-mail, leaving no person behind; a true repeat adds no one", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const key = "a7d1c0de-shared-key";
    const first = await enrol({ cohortId: cohort.id, input: input("key-owner", { idempotencyKey: key }), now: NOW });
    const err = await rejection(enrol({ cohortId: cohort.id, input: input("key-thief", { idempotencyKey: key }), now: NOW }));
    expect(err.code).toBe("REJECTED");
    expect(err.message).toMatch(/allerede brugt til en anden tilmelding/);
    expect(await prisma.person.count({ where: { email: "ansoeger-key-thief@kommune.example" } })).toBe(0);

    // Racing: others with the same key at once are refused too, and none of them is stored.
    const other = await createCohortFixture(prisma);
    const raced = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => enrol({ cohortId: other.cohort.id, input: input(`key-race-${i}`, { idempotencyKey: "b8e2-race-key" }), now: NOW })));
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.enrolment.count({ where: { cohortId: other.cohort.id } })).toBe(1);
    expect(await prisma.person.count({ where: { email: { startsWith: "ansoeger-key-race-" } } })).toBe(1);

    const people = await prisma.person.count();
    const repeat = await enrol({ cohortId: cohort.id, input: input("key-owner", { idempotencyKey: key }), now: NOW });
    expect(repeat).toMatchObject({ enrolmentId: first.enrolmentId, duplicate: true, manageToken: null });
    expect(await prisma.person.count()).toBe(people);
    // The same key in another cohort is not the same submission either.
    expect((await rejection(enrol({ cohortId: other.cohort.id, input: input("key-owner", { idempotencyKey: key }), now: NOW }))).code).toBe("REJECTED");
  });

  it("never moves an existing person to another organisation; the enrolment records who pays", async () => {
    const one = await createCohortFixture(prisma);
    const two = await createCohortFixture(prisma);
    await enrol({ cohortId: one.cohort.id, input: input("org-mover"), now: NOW });
    const before = await prisma.person.findUniqueOrThrow({ where: { email: "ansoeger-org-mover@kommune.example" }, include: { organisation: true } });
    expect(before.organisation?.name).toBe("Syddjurs Kommune");
    const r = await enrol({ cohortId: two.cohort.id, input: input("org-mover", { municipalityCode: "101", ean: "5798000416604" }), now: NOW });
    const after = await prisma.person.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.organisationId).toBe(before.organisationId);
    const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId }, include: { organisation: true } });
    expect(e.organisation?.name).toBe("Københavns Kommune");
  });
});

describe("the first course day", () => {
  it("closes enrolment and the waitlist from the first day's date, whatever the deadline says", async () => {
    const firstDay = new Date("2026-12-07T08:00:00Z");
    const { cohort } = await createCohortFixture(prisma, { capacity: 1, firstDay, closesAt: new Date("2026-12-20T00:00:00Z") });
    const dayBefore = new Date("2026-12-06T22:00:00Z"); // 23:00 in Copenhagen on the 6th
    expect((await enrol({ cohortId: cohort.id, input: input("day-before"), now: dayBefore })).status).toBe("CONFIRMED");
    const earlyMorning = new Date("2026-12-06T23:30:00Z"); // 00:30 on the 7th
    const refused = await rejection(enrol({ cohortId: cohort.id, input: input("first-day"), now: earlyMorning }));
    expect(refused.code).toBe("STARTED");
    expect(refused.message).toMatch(/gået i gang/);
    expect(await prisma.person.count({ where: { email: "ansoeger-first-day@kommune.example" } })).toBe(0);
  });

  it("warns the coordinator who saves a deadline after the first day, and saves it", async () => {
    const { cohort } = await createCohortFixture(prisma, { firstDay: new Date("2027-09-06T07:00:00Z") });
    const user = await prisma.user.create({ data: { email: "warn-admin@stillads.invalid", name: "Adm", role: "ADMIN", passwordHash: "x" } });
    const late = await updateCohort(cohort.id, cohortEdit(30, "2027-09-10"), user.id);
    expect(late.warnings).toEqual([expect.stringMatching(/Tilmeldingsfristen ligger efter holdets første kursusdag \(6\. september 2027\)/)]);
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).enrolmentClosesAt.toISOString()).toBe("2027-09-10T21:59:00.000Z");
    expect((await updateCohort(cohort.id, cohortEdit(30, "2027-09-01"), user.id)).warnings).toEqual([]);
  });
});

describe("capacity edits", () => {
  it("run the room-size check: more seats than a booked room holds are refused, nothing changed", async () => {
    const { cohort, venue } = await createCohortFixture(prisma, { capacity: 4 });
    const room = await prisma.room.create({ data: { venueId: venue.id, name: "Lille sal", capacity: 4 } });
    await prisma.session.updateMany({ where: { cohortId: cohort.id }, data: { roomId: room.id } });
    const user = await prisma.user.create({ data: { email: "room-admin@stillads.invalid", name: "Adm", role: "ADMIN", passwordHash: "x" } });
    const err = await updateCohort(cohort.id, cohortEdit(5), user.id).then(
      () => null,
      (e: unknown) => e as { message: string; fieldErrors: Record<string, string> },
    );
    expect(err?.fieldErrors.capacity).toMatch(/Lokalet Lille sal har kun plads til 4; holdet har 5 pladser/);
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).capacity).toBe(4);
    await updateCohort(cohort.id, cohortEdit(4), user.id);
  });
});
