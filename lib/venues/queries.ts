import "server-only";
import { ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";

/** Every venue with its rooms and how many modules have been held there, by name. */
export async function venueList(user: StaffUser) {
  ensurePermission(user, "venue:update");
  return db.venue.findMany({
    select: { id: true, name: true, street: true, postalCode: true, city: true, rooms: { select: { name: true, capacity: true } }, _count: { select: { sessions: true } } },
    orderBy: { name: "asc" },
  });
}

/** One venue with its rooms by name. Null: no such venue. */
export async function venueDetail(user: StaffUser, venueId: string) {
  ensurePermission(user, "venue:update");
  return db.venue.findUnique({ where: { id: venueId }, include: { rooms: { orderBy: { name: "asc" } } } });
}
