import "server-only";
import { can } from "../auth/permissions";
import { ensurePermission, type StaffUser } from "../auth/session";
import { hasValidCertificate } from "../certificates/service";
import { db } from "../db";
import { staffEnrolment } from "./roster";
import { waitlistRank } from "./seat";

// The questions admin pages ask about one enrolment. Each applies the permission and the teacher scope
// itself and returns what the page shows.

/**
 * One enrolment's page: the enrolment (as staffEnrolment shows it to this user), the cohorts of the
 * same programme it may be moved to, whether a valid kursusbevis can be downloaded, and a waitlisted
 * person's rank; null when it is outside the user's scope or does not exist.
 */
export async function enrolmentOverview(user: StaffUser, id: string) {
  ensurePermission(user, "enrolment:read");
  const enrolment = await staffEnrolment(user, id);
  if (!enrolment) return null;
  const mayUpdate = can(user.role, "enrolment:update");
  const active = ["PENDING", "CONFIRMED", "WAITLISTED"].includes(enrolment.status);
  const [moveTargets, hasCertificate, rank] = await Promise.all([
    mayUpdate && active
      ? db.cohort.findMany({
          where: { programmeId: enrolment.cohort.programmeId, id: { not: enrolment.cohortId }, status: { in: ["DRAFT", "PUBLISHED", "CLOSED"] } },
          orderBy: { enrolmentOpensAt: "asc" },
        })
      : Promise.resolve([]),
    mayUpdate && enrolment.status === "COMPLETED" ? hasValidCertificate(enrolment.id) : Promise.resolve(false),
    enrolment.status === "WAITLISTED" && enrolment.waitlistPosition ? waitlistRank(db, enrolment.cohortId, enrolment.waitlistPosition) : Promise.resolve(null),
  ]);
  return { enrolment, mayUpdate, active, moveTargets, hasCertificate, rank };
}
