import { describe, expect, it } from "vitest";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { attendancePct, recordAttendance } from "./service";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

async function setup(minPct = 100) {
  const { cohort, programme } = await createCohortFixture(prisma);
  await prisma.programme.update({ where: { id: programme.id }, data: { completionMinAttendancePct: minPct } });
  const admin = await prisma.user.create({ data: { email: `a-${cohort.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
  const e = await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`att-${cohort.slug}`)), now: NOW });
  const days = await prisma.sessionDay.findMany({ where: { session: { cohortId: cohort.id } }, orderBy: { startsAt: "asc" } });
  return { cohort, admin, enrolmentId: e.enrolmentId, days };
}

describe("attendance", () => {
  it("counts present as a day and partial as half", () => {
    expect(attendancePct([{ status: "PRESENT" }, { status: "PARTIAL" }], 2)).toBe(75);
    expect(attendancePct([], 0)).toBe(0);
  });

  it("marks an enrolment completed when every day is attended, and reverts on correction", async () => {
    const { admin, enrolmentId, days } = await setup();
    await recordAttendance({ sessionDayId: days[0]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, NOW);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("CONFIRMED");
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "COMPLETED", completedAt: NOW });
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "ABSENT" }] }, admin.id, NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "CONFIRMED", completedAt: null });
    expect(await prisma.attendance.count({ where: { enrolmentId } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: enrolmentId, action: { in: ["enrolment.completed", "enrolment.completion_revoked"] } } })).toBe(2);
  });

  it("follows the programme's rule: with 75 % a partial day still completes", async () => {
    const { admin, enrolmentId, days } = await setup(75);
    await recordAttendance({ sessionDayId: days[0]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, NOW);
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PARTIAL" }] }, admin.id, NOW);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("COMPLETED");
  });

  it("ignores marks for enrolments of other cohorts or without a seat", async () => {
    const a = await setup();
    const b = await setup();
    const r = await recordAttendance({ sessionDayId: a.days[0]!.id, marks: [{ enrolmentId: b.enrolmentId, status: "PRESENT" }] }, a.admin.id, NOW);
    expect(r).toEqual({ saved: 0, ignored: 1 });
    expect(await prisma.attendance.count({ where: { enrolmentId: b.enrolmentId } })).toBe(0);
  });
});
