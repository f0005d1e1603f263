import "server-only";
import { audit } from "../audit";
import { issueCertificate, revokeCertificate } from "../certificates/service";
import { db, type Tx } from "../db";
import { FormError } from "../errors";
import { formatDateTime } from "../time";
import type { AttendanceDayInput } from "./schemas";

/**
 * Share of a cohort's course days an enrolment attended, in percent: present counts a whole day,
 * partial half a day.
 */
export function attendancePct(marks: Array<{ status: string }>, totalDays: number): number {
  if (totalDays === 0) return 0;
  const attended = marks.reduce((n, m) => n + (m.status === "PRESENT" ? 1 : m.status === "PARTIAL" ? 0.5 : 0), 0);
  return (attended / totalDays) * 100;
}

/**
 * Marks an enrolment COMPLETED when its attendance reaches the programme's rule
 * (completionMinAttendancePct, 100 = every day), and back to CONFIRMED if a correction takes it below.
 */
async function updateCompletion(tx: Tx, enrolmentId: string, actorUserId: string, now: Date) {
  const e = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    include: { attendance: true, cohort: { include: { programme: true, sessions: { include: { days: { select: { id: true } } } } } } },
  });
  const totalDays = e.cohort.sessions.reduce((n, s) => n + s.days.length, 0);
  const done = attendancePct(e.attendance, totalDays) >= e.cohort.programme.completionMinAttendancePct;
  const next = done ? "COMPLETED" : "CONFIRMED";
  if ((e.status === "CONFIRMED" || e.status === "COMPLETED") && e.status !== next) {
    await tx.enrolment.update({ where: { id: e.id }, data: { status: next, completedAt: done ? now : null } });
    await audit(tx, { actorUserId, action: done ? "enrolment.completed" : "enrolment.completion_revoked", entityType: "Enrolment", entityId: e.id, before: { status: e.status }, after: { status: next } });
    // The kursusbevis follows the completion: issued with it, revoked (never deleted) when it is undone.
    if (done) await issueCertificate(tx, e.id, now, { actorUserId });
    else await revokeCertificate(tx, e.id, now, { actorUserId });
  }
}

/** Whether attendance can be taken for a course day: from the moment it starts, not before. */
export function attendanceOpen(day: { startsAt: Date }, now: Date): boolean {
  return day.startsAt.getTime() <= now.getTime();
}

/**
 * Saves one course day's register for a cohort and updates who has completed. A day that has not
 * started yet is refused: nobody can have attended it, and an early mark could complete an enrolment.
 */
export async function recordAttendance(input: AttendanceDayInput, actorUserId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const day = await tx.sessionDay.findUnique({ where: { id: input.sessionDayId }, include: { session: true } });
    if (!day) throw new FormError("Kursusdagen findes ikke.");
    if (!attendanceOpen(day, now)) {
      throw new FormError(`Kursusdagen er ikke begyndt endnu. Fremmøde kan registreres fra ${formatDateTime(day.startsAt)}.`);
    }
    const valid = await tx.enrolment.findMany({
      where: { id: { in: input.marks.map((m) => m.enrolmentId) }, cohortId: day.session.cohortId, status: { in: ["CONFIRMED", "COMPLETED"] } },
      select: { id: true },
    });
    const validIds = new Set(valid.map((v) => v.id));
    const marks = input.marks.filter((m) => validIds.has(m.enrolmentId));
    for (const m of marks) {
      await tx.attendance.upsert({
        where: { sessionDayId_enrolmentId: { sessionDayId: day.id, enrolmentId: m.enrolmentId } },
        update: { status: m.status, recordedById: actorUserId },
        create: { sessionDayId: day.id, enrolmentId: m.enrolmentId, status: m.status, recordedById: actorUserId },
      });
    }
    await audit(tx, {
      actorUserId,
      action: "attendance.recorded",
      entityType: "SessionDay",
      entityId: day.id,
      after: { marks: marks.map((m) => ({ enrolmentId: m.enrolmentId, status: m.status })) },
    });
    for (const m of marks) await updateCompletion(tx, m.enrolmentId, actorUserId, now);
    return { saved: marks.length, ignored: input.marks.length - marks.length };
  });
}
