import type { PrismaClient } from "../../lib/generated/prisma/client";

type Db = Pick<PrismaClient, "sessionDay" | "attendance">;

/**
 * Seeded completed participants attended every day of their cohort, as the completion rule requires:
 * a later correction of one day by staff then recomputes completion from real rows instead of finding
 * none and undoing the completion (and revoking the kursusbevis).
 */
export async function recordFullAttendance(db: Db, cohortId: string, enrolmentIds: string[]) {
  const days = await db.sessionDay.findMany({ where: { session: { cohortId } }, select: { id: true } });
  await db.attendance.createMany({
    data: enrolmentIds.flatMap((enrolmentId) => days.map((d) => ({ sessionDayId: d.id, enrolmentId, status: "PRESENT" as const }))),
    skipDuplicates: true,
  });
}
