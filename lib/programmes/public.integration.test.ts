import { describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { getPublicProgramme } from "./public";

const { prisma } = currentTestDb();

describe("the public programme's data", () => {
  it("carries the venue's and the room's accessibility notes for each session", async () => {
    const { programme, cohort, venue } = await createCohortFixture(prisma);
    await prisma.venue.update({ where: { id: venue.id }, data: { accessibilityNotes: "Niveaufri adgang og teleslynge" } });
    const room = await prisma.room.create({ data: { venueId: venue.id, name: "Sal 1", capacity: 40, accessibilityNotes: "Elevator til 2. sal" } });
    await prisma.session.updateMany({ where: { cohortId: cohort.id }, data: { roomId: room.id } });
    const page = await getPublicProgramme(programme.slug, new Date("2027-01-01T00:00:00Z"));
    const session = page!.upcoming.find((c) => c.id === cohort.id)!.sessions[0]!;
    expect(session.venue?.accessibilityNotes).toBe("Niveaufri adgang og teleslynge");
    expect(session.room).toEqual({ name: "Sal 1", accessibilityNotes: "Elevator til 2. sal" });
  });
});
