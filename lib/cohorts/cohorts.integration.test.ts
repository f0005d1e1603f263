import { describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { rejectedWith } from "@/tests/helpers/rejection";
import { currentTestDb } from "@/tests/helpers/test-db";
import { CohortCreateSchema } from "./schemas";
import { CohortError, createCohort, setCohortStatus } from "./service";

const { prisma } = currentTestDb();

async function setup() {
  const { programme } = await createCohortFixture(prisma);
  const venue = await prisma.venue.create({
    data: { name: `KL-huset ${programme.slug}`, street: "Weidekampsgade 10", postalCode: "2300", city: "København S", rooms: { create: [{ name: "Sal A", capacity: 40 }, { name: "Lille rum", capacity: 10 }] } },
    include: { rooms: true },
  });
  const admin = await prisma.user.create({ data: { email: `admin-${programme.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
  const input = (over: Record<string, unknown> = {}, roomName = "Sal A") =>
    CohortCreateSchema.parse({
      programmeId: programme.id,
      name: "Efterår 2028",
      slug: "efteraar-2028",
      capacity: "30",
      enrolmentOpens: "2027-01-01",
      enrolmentCloses: "2028-08-01",
      sessions: programme.modules.map((m, i) => ({
        moduleId: m.id,
        venueId: venue.id,
        roomId: venue.rooms.find((r) => r.name === roomName)!.id,
        days: [{ date: `2028-0${8 + i}-2${i}`, start: "09:00", end: "16:00" }],
      })),
      ...over,
    });
  return { programme, venue, admin, input };
}

const cohortError = (p: Promise<unknown>) => rejectedWith(p, CohortError);

describe("createCohort", () => {
  it("creates a draft cohort with one session per module, its days in Danish time, and an audit entry", async () => {
    const { admin, input } = await setup();
    const cohort = await createCohort(input(), admin.id);
    const stored = await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id }, include: { sessions: { include: { days: true } } } });
    expect(stored).toMatchObject({ status: "DRAFT", capacity: 30, slug: "efteraar-2028" });
    expect(stored.sessions).toHaveLength(2);
    expect(stored.sessions.flatMap((s) => s.days.map((d) => d.startsAt.toISOString())).sort()).toEqual(["2028-08-20T07:00:00.000Z", "2028-09-21T07:00:00.000Z"]);
    expect(await prisma.auditLog.count({ where: { entityId: cohort.id, action: "cohort.created", actorUserId: admin.id } })).toBe(1);
  });

  it("refuses a room that is too small or already booked, and a taken slug, storing nothing", async () => {
    const { programme, admin, input } = await setup();
    const small = await cohortError(createCohort(input({}, "Lille rum"), admin.id));
    expect(small.fieldErrors["sessions.0.roomId"]).toBe("Lokalet har kun plads til 10; holdet har 30 pladser");

    await createCohort(input(), admin.id);
    const clash = await cohortError(createCohort(input({ slug: "andet-hold" }), admin.id));
    expect(clash.fieldErrors["sessions.0.days.0.date"]).toMatch(/Lokalet er optaget af holdet Efterår 2028/);

    const noRoom = { ...input(), sessions: [{ moduleId: programme.modules[0]!.id, venueId: "", roomId: "", days: [{ date: "2029-01-10", start: "09:00", end: "12:00" }] }] };
    const dup = await cohortError(createCohort(noRoom, admin.id));
    expect(dup.fieldErrors.slug).toBe("Uddannelsen har allerede et hold med denne adresse");
    expect(await prisma.cohort.count({ where: { programmeId: programme.id, slug: { in: ["andet-hold"] } } })).toBe(0);
  });

  it("validates dates in the form schema with Danish messages", () => {
    const r = CohortCreateSchema.safeParse({
      programmeId: "p", name: "", slug: "Ugyldig Adresse", capacity: "0", enrolmentOpens: "2028-05-01", enrolmentCloses: "2028-04-01",
      sessions: [{ moduleId: "m", days: [{ date: "2028-06-01", start: "16:00", end: "09:00" }] }],
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      name: "Skriv holdets navn",
      slug: expect.stringMatching(/små bogstaver/),
      capacity: "Mindst 1 plads",
      enrolmentCloses: "Tilmeldingen skal lukke efter, den åbner",
      "sessions.0.days.0.end": "Sluttid skal være efter starttid",
    });
  });
});

describe("setCohortStatus", () => {
  it("publishes a cohort with days and audits it; refuses one without days", async () => {
    const { admin, input } = await setup();
    const cohort = await createCohort(input({ slug: "publish-me" }), admin.id);
    await setCohortStatus(cohort.id, "PUBLISHED", admin.id);
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).status).toBe("PUBLISHED");
    expect(await prisma.auditLog.count({ where: { entityId: cohort.id, action: "cohort.status_changed" } })).toBe(1);

    const empty = await prisma.cohort.create({
      data: { programmeId: cohort.programmeId, slug: "tomt", name: "Tomt", capacity: 5, enrolmentOpensAt: new Date("2027-01-01"), enrolmentClosesAt: new Date("2027-02-01") },
    });
    expect((await cohortError(setCohortStatus(empty.id, "PUBLISHED", admin.id))).message).toBe("Holdet kan ikke offentliggøres uden kursusdage.");
  });
});

describe("updateCohort", () => {
  it("offers new seats to the waitlist at once, and refuses fewer seats than are taken", async () => {
    const { EnrolmentSchema } = await import("@/lib/enrolment/schemas");
    const { enrol } = await import("@/lib/enrolment/service");
    const { applicant } = await import("@/prisma/seed/fixtures");
    const { updateCohort } = await import("./service");
    const { CohortUpdateSchema } = await import("./schemas");
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const admin = await prisma.user.create({ data: { email: `u-${cohort.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
    const now = new Date("2026-11-27T10:00:00Z");
    for (const n of ["cap-a", "cap-b", "cap-c"]) await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`${n}-${cohort.slug}`)), now });
    const input = (capacity: string) => CohortUpdateSchema.parse({ name: cohort.name, capacity, enrolmentOpens: "2026-01-01", enrolmentCloses: "2027-08-01" });

    const { promoted } = await updateCohort(cohort.id, input("2"), admin.id);
    expect(promoted).toHaveLength(1);
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id, status: "PENDING" } })).toBe(1);
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id, status: "WAITLISTED" } })).toBe(1);

    const tooFew = await cohortError(updateCohort(cohort.id, input("1"), admin.id));
    expect(tooFew.fieldErrors.capacity).toBe("Der er allerede 2 optagne pladser; antallet kan ikke være lavere");
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).capacity).toBe(2);
  });
});

describe("updateSession", () => {
  it("moves a session's days in place, keeping attendance, and refuses overlaps", async () => {
    const { updateSession } = await import("./service");
    const { SessionUpdateSchema } = await import("./schemas");
    const { admin, input } = await setup();
    const cohort = await createCohort(input({ slug: "flyt-dage" }), admin.id);
    const sessions = await prisma.session.findMany({ where: { cohortId: cohort.id }, include: { days: true, module: true }, orderBy: { module: { position: "asc" } } });
    const [s1, s2] = sessions;
    const day = s1!.days[0]!;
    const person = await prisma.person.create({ data: { name: "P", email: `p-${cohort.id}@example.org` } });
    const e = await prisma.enrolment.create({ data: { cohortId: cohort.id, personId: person.id, status: "CONFIRMED", priceOre: 0, vatRateBp: 2500, termsAcceptedAt: new Date(), termsVersion: "x", privacyAcceptedAt: new Date() } });
    await prisma.attendance.create({ data: { sessionDayId: day.id, enrolmentId: e.id, status: "PRESENT" } });

    await updateSession(s1!.id, SessionUpdateSchema.parse({ venueId: "", roomId: "", days: [{ id: day.id, date: "2028-08-25", start: "10:00", end: "15:00" }] }), admin.id);
    const moved = await prisma.sessionDay.findUniqueOrThrow({ where: { id: day.id } });
    expect(moved.startsAt.toISOString()).toBe("2028-08-25T08:00:00.000Z");
    expect(await prisma.attendance.count({ where: { sessionDayId: day.id } })).toBe(1);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: s1!.id } })).roomId).toBeNull();

    const s2day = s2!.days[0]!;
    const overlap = await cohortError(
      updateSession(s1!.id, SessionUpdateSchema.parse({ days: [{ id: day.id, date: s2day.startsAt.toISOString().slice(0, 10), start: "09:00", end: "16:00" }] }), admin.id),
    );
    expect(overlap.fieldErrors["days.0.date"]).toBe("Dagen overlapper en anden dag på holdet");
    const foreign = await cohortError(updateSession(s1!.id, SessionUpdateSchema.parse({ days: [{ id: s2day.id, date: "2029-01-01", start: "09:00", end: "10:00" }] }), admin.id));
    expect(foreign.fieldErrors["days.0.date"]).toBe("Dagen hører ikke til modulet");
  });
});

describe("listCohortsWithSeats", () => {
  it("pages through cohorts with their seat figures", async () => {
    const { listCohortsWithSeats } = await import("./service");
    const { programme } = await createCohortFixture(prisma, { capacity: 4 });
    for (const n of [1, 2]) {
      await prisma.cohort.create({
        data: { programmeId: programme.id, slug: `side-${n}`, name: `Side ${n}`, capacity: 3, enrolmentOpensAt: new Date(`2027-0${n}-01`), enrolmentClosesAt: new Date(`2027-0${n}-20`) },
      });
    }
    const where = { programmeId: programme.id };
    const first = await listCohortsWithSeats(where, { skip: 0, take: 2 });
    const second = await listCohortsWithSeats(where, { skip: 2, take: 2 });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(3);
    expect([...first, ...second].every((c) => c.taken === 0 && c.free === c.capacity && c.waitlist === 0)).toBe(true);
  });
});
