import "server-only";
import { FormError } from "../errors";
import { audit } from "../audit";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { RoomInput, VenueInput } from "./schemas";

export { FormError as VenueError };

function duplicate(err: unknown, fieldErrors: Record<string, string>): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new FormError("Ret de markerede felter.", fieldErrors);
  throw err;
}

export async function createVenue(input: VenueInput, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      const v = await tx.venue.create({ data: { ...input, accessibilityNotes: input.accessibilityNotes || null } });
      await audit(tx, { actorUserId, action: "venue.created", entityType: "Venue", entityId: v.id, after: { ...input } });
      return v;
    })
    .catch((e) => duplicate(e, { name: "Der findes allerede et sted med dette navn og denne adresse" }));
}

export async function updateVenue(id: string, input: VenueInput, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.venue.findUnique({ where: { id } });
      if (!before) throw new FormError("Stedet findes ikke.");
      const v = await tx.venue.update({ where: { id }, data: { ...input, accessibilityNotes: input.accessibilityNotes || null } });
      await audit(tx, {
        actorUserId, action: "venue.updated", entityType: "Venue", entityId: id,
        before: { name: before.name, street: before.street, postalCode: before.postalCode, city: before.city, accessibilityNotes: before.accessibilityNotes },
        after: { ...input },
      });
      return v;
    })
    .catch((e) => duplicate(e, { name: "Der findes allerede et sted med dette navn og denne adresse" }));
}

export async function addRoom(venueId: string, input: RoomInput, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      if (!(await tx.venue.findUnique({ where: { id: venueId } }))) throw new FormError("Stedet findes ikke.");
      const r = await tx.room.create({ data: { venueId, ...input, accessibilityNotes: input.accessibilityNotes || null } });
      await audit(tx, { actorUserId, action: "room.created", entityType: "Room", entityId: r.id, after: { venueId, ...input } });
      return r;
    })
    .catch((e) => duplicate(e, { name: "Stedet har allerede et lokale med dette navn" }));
}

/** The room and the cohorts whose sessions use it, with the room's row locked against a booking meanwhile. */
async function lockedRoom(tx: Prisma.TransactionClient, roomId: string) {
  await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${roomId} FOR UPDATE`;
  const room = await tx.room.findUnique({ where: { id: roomId }, include: { sessions: { select: { cohort: { select: { name: true, capacity: true } } } } } });
  if (!room) throw new FormError("Lokalet findes ikke.");
  const cohorts = [...new Map(room.sessions.map((s) => [s.cohort.name, s.cohort])).values()].sort((a, b) => a.name.localeCompare(b.name, "da"));
  return { room, cohorts };
}

const names = (cohorts: Array<{ name: string }>) => cohorts.map((c) => c.name).join(", ");

/**
 * Renames a room or changes its size or notes. It may not shrink below a cohort booked into it: the
 * same rule as when a session is given a room (lib/cohorts/service.ts).
 */
export async function updateRoom(roomId: string, input: RoomInput, actorUserId: string) {
  return db
    .$transaction(async (tx) => {
      const { room, cohorts } = await lockedRoom(tx, roomId);
      const tooBig = cohorts.filter((c) => c.capacity > input.capacity);
      if (tooBig.length) {
        const most = Math.max(...tooBig.map((c) => c.capacity));
        throw new FormError("Ret de markerede felter.", { capacity: `Lokalet bruges af ${names(tooBig)} med op til ${most} pladser; skriv mindst ${most}` });
      }
      const r = await tx.room.update({ where: { id: roomId }, data: { ...input, accessibilityNotes: input.accessibilityNotes || null } });
      await audit(tx, {
        actorUserId, action: "room.updated", entityType: "Room", entityId: roomId,
        before: { name: room.name, capacity: room.capacity, accessibilityNotes: room.accessibilityNotes },
        after: { ...input },
      });
      return r;
    })
    .catch((e) => duplicate(e, { name: "Stedet har allerede et lokale med dette navn" }));
}

/** Removes a room no session uses; otherwise says which cohorts use it, and nothing changes. */
export async function removeRoom(roomId: string, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const { room, cohorts } = await lockedRoom(tx, roomId);
    if (cohorts.length) throw new FormError(`Lokalet kan ikke fjernes, fordi ${names(cohorts)} bruger det. Flyt holdets moduler til et andet lokale først.`);
    await tx.room.delete({ where: { id: roomId } });
    await audit(tx, {
      actorUserId, action: "room.removed", entityType: "Room", entityId: roomId,
      before: { venueId: room.venueId, name: room.name, capacity: room.capacity, accessibilityNotes: room.accessibilityNotes },
    });
    return room;
  });
}
