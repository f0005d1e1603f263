import { describe, expect, it } from "vitest";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { FormError } from "@/lib/errors";
import { attendanceOpen, attendancePct, recordAttendance } from "./service";

const { prisma } = currentTestDb();
// Enrolment happens while the window is open; attendance is taken once the days have begun (the
// fixture's days are 6 and 13 September 2027).
const NOW = new Date("2026-11-27T10:00:00Z");
const AFTER = new Date("2027-09-20T10:00:00Z");

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
    await recordAttendance({ sessionDayId: days[0]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("CONFIRMED");
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "COMPLETED", completedAt: AFTER });
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "ABSENT" }] }, admin.id, AFTER);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "CONFIRMED", completedAt: null });
    expect(await prisma.attendance.count({ where: { enrolmentId } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: enrolmentId, action: { in: ["enrolment.completed", "enrolment.completion_revoked"] } } })).toBe(2);
  });

  it("follows the programme's rule: with 75 % a partial day still completes", async () => {
    const { admin, enrolmentId, days } = await setup(75);
    await recordAttendance({ sessionDayId: days[0]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PARTIAL" }] }, admin.id, AFTER);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("COMPLETED");
  });

  it("ignores marks for enrolments of other cohorts or without a seat", async () => {
    const a = await setup();
    const b = await setup();
    const r = await recordAttendance({ sessionDayId: a.days[0]!.id, marks: [{ enrolmentId: b.enrolmentId, status: "PRESENT" }] }, a.admin.id, AFTER);
    expect(r).toEqual({ saved: 0, ignored: 1 });
    expect(await prisma.attendance.count({ where: { enrolmentId: b.enrolmentId } })).toBe(0);
  });

  it("refuses a day that has not started yet and stores nothing", async () => {
    const { admin, enrolmentId, days } = await setup();
    const day = days[0]!;
    const justBefore = new Date(day.startsAt.getTime() - 60_000);
    const attempt = recordAttendance({ sessionDayId: day.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, justBefore);
    await expect(attempt).rejects.toBeInstanceOf(FormError);
    await expect(recordAttendance({ sessionDayId: day.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, NOW)).rejects.toThrow(
      "Kursusdagen er ikke begyndt endnu. Fremmøde kan registreres fra 6. september 2027 kl. 09.00.",
    );
    expect(await prisma.attendance.count({ where: { enrolmentId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: day.id, action: "attendance.recorded" } })).toBe(0);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("CONFIRMED");
  });

  it("accepts a day from the minute it starts", async () => {
    const { admin, enrolmentId, days } = await setup();
    const day = days[0]!;
    expect(attendanceOpen(day, new Date(day.startsAt.getTime() - 1))).toBe(false);
    expect(attendanceOpen(day, day.startsAt)).toBe(true);
    const r = await recordAttendance({ sessionDayId: day.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, day.startsAt);
    expect(r).toEqual({ saved: 1, ignored: 0 });
    expect(await prisma.attendance.count({ where: { enrolmentId, sessionDayId: day.id } })).toBe(1);
  });
});
