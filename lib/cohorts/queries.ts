import "server-only";
import { cohortScope, ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ownKey } from "../own-key";
import { pageCount, pageNumber } from "../paging";
import { can } from "../auth/permissions";
import { cohortRoster, ROSTER_PAGE_SIZE } from "../enrolment/roster";
import { ENROLMENT_STATUS_LABELS } from "../enrolment/schemas";
import { waitlistRanks } from "../enrolment/seat";
import { COHORT_STATUS_LABELS } from "./schemas";
import { listCohortsWithSeats } from "./service";

// The questions admin pages ask about cohorts. Each applies the permission and the teacher scope
// itself and returns what the page shows.

export const COHORT_PAGE_SIZE = 25;

/** The cohort list: searched by cohort or programme name, filtered by status, a page at a time; a teacher's own cohorts only. */
export async function cohortList(user: StaffUser, filter: { q?: string; status?: string; side?: string }) {
  ensurePermission(user, "cohort:read");
  const query = (filter.q ?? "").trim().slice(0, 100);
  const status = ownKey(COHORT_STATUS_LABELS, filter.status);
  const page = pageNumber(filter.side);
  const where: Prisma.CohortWhereInput = {
    ...(await cohortScope(user)),
    ...(status ? { status } : {}),
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { programme: { title: { contains: query, mode: "insensitive" } } }] } : {}),
  };
  const [total, rows] = await Promise.all([db.cohort.count({ where }), listCohortsWithSeats(where, { skip: (page - 1) * COHORT_PAGE_SIZE, take: COHORT_PAGE_SIZE })]);
  return { query, status, page, pages: pageCount(total, COHORT_PAGE_SIZE), total, rows };
}

/** What the new-cohort form offers: programmes that are not archived (with their modules) and venues with rooms. */
export async function newCohortChoices(user: StaffUser) {
  ensurePermission(user, "cohort:update");
  const [programmes, venues] = await Promise.all([
    db.programme.findMany({
      where: { status: { not: "ARCHIVED" } },
      select: { id: true, title: true, modules: { select: { id: true, position: true, title: true, durationDays: true }, orderBy: { position: "asc" } } },
      orderBy: { title: "asc" },
    }),
    db.venue.findMany({ include: { rooms: { orderBy: { name: "asc" } } }, orderBy: { name: "asc" } }),
  ]);
  return {
    programmes,
    venues: venues.map((v) => ({ id: v.id, name: `${v.name}, ${v.street}, ${v.postalCode} ${v.city}`, rooms: v.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })) })),
  };
}

/**
 * One cohort's page: its seats, sessions, the venues a coordinator may move a session to, and a page of
 * its roster (searched and filtered) with each waitlisted person's rank; null when the cohort is outside
 * the user's scope (a teacher's other cohorts) or does not exist.
 */
export async function cohortOverview(user: StaffUser, id: string, filter: { q?: string; status?: string; side?: string }) {
  ensurePermission(user, "enrolment:read"); // the page is the cohort with its roster
  // AND, not a spread: a teacher's scope must narrow the id, not be replaced by it.
  const [cohort] = await listCohortsWithSeats({ AND: [await cohortScope(user), { id }] });
  if (!cohort) return null;
  const query = (filter.q ?? "").trim().slice(0, 100);
  const status = ownKey(ENROLMENT_STATUS_LABELS, filter.status);
  const page = Math.max(1, Math.min(10_000, Number(filter.side) || 1));
  const [detail, venues, roster, ranks] = await Promise.all([
    db.cohort.findUniqueOrThrow({
      where: { id },
      include: { sessions: { include: { module: true, venue: true, room: true, days: { orderBy: { startsAt: "asc" } } }, orderBy: { module: { position: "asc" } } } },
    }),
    can(user.role, "cohort:update") ? db.venue.findMany({ include: { rooms: { orderBy: { name: "asc" } } }, orderBy: { name: "asc" } }) : Promise.resolve([]),
    cohortRoster(user, id, { q: query, status, page }),
    // Waitlist numbers have gaps (a shared sequence); the place shown is the rank, as the participant sees it.
    waitlistRanks(db, id),
  ]);
  return { cohort, sessions: detail.sessions, venues, roster, ranks, query, status, page, pages: pageCount(roster.total, ROSTER_PAGE_SIZE) };
}
