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
