import "server-only";
import { cohortScope, ensurePermission, type StaffUser } from "../auth/session";
import { listCohortsWithSeats } from "../cohorts/service";
import { db } from "../db";

/**
 * The admin front page: the next course days and the cohorts filling up (a teacher's own cohorts
 * only), and for staff who are not teachers the open cancellation requests and the failed mails
 * (`staff` is null for a teacher).
 */
export async function dashboardOverview(user: StaffUser, now = new Date()) {
  ensurePermission(user, "dashboard:read");
  const scope = await cohortScope(user);
  const teacher = user.role === "TEACHER";
  const [upcoming, cohorts, requests, failedMail] = await Promise.all([
    db.sessionDay.findMany({
      where: { startsAt: { gte: now }, session: { cohort: { ...scope, status: { in: ["PUBLISHED", "CLOSED"] } } } },
      select: {
        id: true, startsAt: true, endsAt: true,
        session: { select: { cohortId: true, cohort: { select: { name: true } }, module: { select: { position: true } }, venue: { select: { name: true } } } },
      },
      orderBy: { startsAt: "asc" },
      take: 8,
    }),
    listCohortsWithSeats({ ...scope, status: "PUBLISHED" }),
    teacher
      ? null
      : db.enrolment.findMany({
          where: { cancellationRequestedAt: { not: null }, status: { in: ["CONFIRMED", "PENDING", "WAITLISTED"] } },
          select: { id: true, cohortId: true, cancellationRequestReason: true, person: { select: { name: true } }, cohort: { select: { name: true } } },
          orderBy: { cancellationRequestedAt: "asc" },
          take: 20,
        }),
    teacher ? null : db.outboxMessage.count({ where: { status: "FAILED" } }),
  ]);
  const filling = cohorts
    .filter((c) => c.taken / c.capacity >= 0.8)
    .sort((a, b) => b.taken / b.capacity - a.taken / a.capacity)
    .map((c) => ({ id: c.id, name: c.name, taken: c.taken, capacity: c.capacity, waitlist: c.waitlist }));
  return { upcoming, filling, staff: requests === null || failedMail === null ? null : { requests, failedMail } };
}
