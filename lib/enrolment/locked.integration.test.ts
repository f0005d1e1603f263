import { describe, expect, it } from "vitest";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { lockCohort, lockedEnrolment } from "./seat";

// lockedEnrolment: the one find → lock → read-again step every change to who holds a seat begins with.

const { prisma } = currentTestDb();

describe("lockedEnrolment", () => {
  it("is null for an unknown enrolment and locks nothing", async () => {
    expect(await prisma.$transaction((tx) => lockedEnrolment(tx, "findes-ikke"))).toBeNull();
  });

  it("reads the enrolment again once its cohort's lock is held, so a change made meanwhile is seen", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const [id] = await createParticipants(prisma, cohort.id, 1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    // Another transaction holds the cohort's lock and cancels the enrolment before it lets go.
    const other = prisma.$transaction(
      async (tx) => {
        await lockCohort(tx, cohort.id);
        locked();
        await held;
        await tx.enrolment.update({ where: { id: id! }, data: { status: "CANCELLED", cancelledAt: new Date() } });
      },
      { timeout: 20_000 },
    );
    await lockTaken;
    const reading = prisma.$transaction((tx) => lockedEnrolment(tx, id!), { timeout: 20_000 });
    setTimeout(release, 200);
    await other;
    expect((await reading)?.status).toBe("CANCELLED");
  });

  it("locks every cohort the change touches, in one order, whichever is the enrolment's own", async () => {
    const a = await createCohortFixture(prisma);
    const b = await createCohortFixture(prisma);
    const [inA] = await createParticipants(prisma, a.cohort.id, 1);
    const [inB] = await createParticipants(prisma, b.cohort.id, 1);
    // Two moves in opposite directions at once: with the locks taken in one order neither deadlocks.
    const [x, y] = await Promise.all([
      prisma.$transaction((tx) => lockedEnrolment(tx, inA!, [b.cohort.id]), { timeout: 20_000 }),
      prisma.$transaction((tx) => lockedEnrolment(tx, inB!, [a.cohort.id]), { timeout: 20_000 }),
    ]);
    expect([x?.id, y?.id]).toEqual([inA, inB]);
  });
});
