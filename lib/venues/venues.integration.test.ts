import { describe, expect, it } from "vitest";
import { currentTestDb } from "@/tests/helpers/test-db";
import { RoomSchema, VenueSchema } from "./schemas";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { VenueError, addRoom, createVenue, removeRoom, updateRoom, updateVenue } from "./service";

const { prisma } = currentTestDb();

describe("venues", () => {
  it("are created, updated and given rooms, each audited; duplicates are refused in Danish", async () => {
    const admin = await prisma.user.create({ data: { email: "v@stillads.invalid", name: "V", role: "ADMIN", passwordHash: "x" } });
    const input = VenueSchema.parse({ name: "KL-huset", street: "Weidekampsgade 10", postalCode: "2300", city: "København S" });
    const v = await createVenue(input, admin.id);
    await updateVenue(v.id, { ...input, accessibilityNotes: "Elevator til alle etager" }, admin.id);
    await addRoom(v.id, RoomSchema.parse({ name: "Sal 1", capacity: "40" }), admin.id);
    const stored = await prisma.venue.findUniqueOrThrow({ where: { id: v.id }, include: { rooms: true } });
    expect(stored).toMatchObject({ accessibilityNotes: "Elevator til alle etager", rooms: [{ name: "Sal 1", capacity: 40 }] });
    expect(await prisma.auditLog.count({ where: { actorUserId: admin.id } })).toBe(3);

    await expect(createVenue(input, admin.id)).rejects.toBeInstanceOf(VenueError);
    const dup = await addRoom(v.id, RoomSchema.parse({ name: "Sal 1", capacity: "10" }), admin.id).catch((e: VenueError) => e);
    expect((dup as VenueError).fieldErrors.name).toBe("Stedet har allerede et lokale med dette navn");
    expect(await prisma.room.count({ where: { venueId: v.id } })).toBe(1);
  });

  it("rooms are edited and removed, but not removed or shrunk below a cohort while a session uses them", async () => {
    const admin = await prisma.user.create({ data: { email: "rooms@stillads.invalid", name: "R", role: "ADMIN", passwordHash: "x" } });
    const { cohort, venue } = await createCohortFixture(prisma, { capacity: 24 });
    const used = await addRoom(venue.id, RoomSchema.parse({ name: "Sal A", capacity: "30", accessibilityNotes: "Trappe" }), admin.id);
    const free = await addRoom(venue.id, RoomSchema.parse({ name: "Sal B", capacity: "10" }), admin.id);
    await prisma.session.updateMany({ where: { cohortId: cohort.id }, data: { roomId: used.id } });

    await updateRoom(used.id, RoomSchema.parse({ name: "Sal A1", capacity: "24", accessibilityNotes: "Elevator" }), admin.id);
    expect(await prisma.room.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ name: "Sal A1", capacity: 24, accessibilityNotes: "Elevator" });
    const shrink = await updateRoom(used.id, RoomSchema.parse({ name: "Sal A1", capacity: "20" }), admin.id).catch((e: VenueError) => e);
    expect((shrink as VenueError).fieldErrors.capacity).toBe(`Lokalet bruges af ${cohort.name} med op til 24 pladser; skriv mindst 24`);
    const clash = await updateRoom(free.id, RoomSchema.parse({ name: "Sal A1", capacity: "10" }), admin.id).catch((e: VenueError) => e);
    expect((clash as VenueError).fieldErrors.name).toBe("Stedet har allerede et lokale med dette navn");

    const refused = await removeRoom(used.id, admin.id).catch((e: VenueError) => e);
    expect(refused).toBeInstanceOf(VenueError);
    expect((refused as VenueError).message).toBe(`Lokalet kan ikke fjernes, fordi ${cohort.name} bruger det. Flyt holdets moduler til et andet lokale først.`);
    expect(await prisma.room.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ name: "Sal A1", capacity: 24 });
    expect(await prisma.session.count({ where: { roomId: used.id } })).toBe(2);

    await removeRoom(free.id, admin.id);
    expect(await prisma.room.findUnique({ where: { id: free.id } })).toBeNull();
    const log = await prisma.auditLog.findMany({ where: { entityType: "Room", actorUserId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["room.created", "room.created", "room.updated", "room.removed"]);
    expect(log[3]).toMatchObject({ entityId: free.id, before: { name: "Sal B", capacity: 10 } });
  });

  it("validate postal codes and capacities", () => {
    expect(VenueSchema.safeParse({ name: "X", street: "Y", postalCode: "23", city: "Z" }).error?.issues[0]?.message).toBe("Skriv et postnummer med 4 cifre");
    expect(RoomSchema.safeParse({ name: "R", capacity: "0" }).error?.issues[0]?.message).toBe("Mindst 1 plads");
  });
});
