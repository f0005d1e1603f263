import "server-only";
import { can } from "../auth/permissions";
import { cohortScope, ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import { attendanceOpen } from "./service";

/**
 * The attendance page of a cohort: its course days, the chosen day (without a choice: the latest day
 * that has begun, where attendance is taken) and the confirmed participants with that day's status.
 * Null when the cohort does not exist or is outside the user's scope (a teacher's own cohorts).
 */
export async function cohortAttendance(user: StaffUser, cohortId: string, dayId: string | undefined, now = new Date()) {
  ensurePermission(user, "attendance:read");
  const cohort = await db.cohort.findFirst({
    where: { AND: [await cohortScope(user), { id: cohortId }] },
    select: {
      id: true, name: true,
      sessions: {
        select: { module: { select: { position: true } }, days: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } } },
        orderBy: { module: { position: "asc" } },
      },
    },
  });
  if (!cohort) return null;
  const days = cohort.sessions.flatMap((s) => s.days.map((d) => ({ ...d, module: s.module, open: attendanceOpen(d, now) })));
  const day = days.find((d) => d.id === dayId) ?? days.findLast((d) => d.open) ?? days[0];
  const enrolments = await db.enrolment.findMany({
    where: { cohortId, status: { in: ["CONFIRMED", "COMPLETED"] } },
    select: {
      id: true, person: { select: { name: true } }, organisation: { select: { name: true } },
      attendance: { where: { sessionDayId: day?.id ?? "" }, select: { status: true } },
    },
    orderBy: { person: { name: "asc" } },
  });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    days,
    day,
    mayRecord: !!day?.open && can(user.role, "attendance:update"),
    rows: enrolments.map((e) => ({ enrolmentId: e.id, name: e.person.name, organisation: e.organisation?.name ?? "–", status: e.attendance[0]?.status ?? null })),
  };
}
