import { describe, expect, it } from "vitest";
import { currentTestDb } from "@/tests/helpers/test-db";
import { RoomSchema, VenueSchema } from "./schemas";
import { VenueError, addRoom, createVenue, updateVenue } from "./service";

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

  it("validate postal codes and capacities", () => {
    expect(VenueSchema.safeParse({ name: "X", street: "Y", postalCode: "23", city: "Z" }).error?.issues[0]?.message).toBe("Skriv et postnummer med 4 cifre");
    expect(RoomSchema.safeParse({ name: "R", capacity: "0" }).error?.issues[0]?.message).toBe("Mindst 1 plads");
  });
});
