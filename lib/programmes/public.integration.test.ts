import { beforeAll, describe, expect, it } from "vitest";
import { getCohortForEnrolment } from "@/lib/enrolment/page-data";
import { KIU_SLUG, seedDemo } from "@/prisma/seed/demo";
import { currentTestDb } from "@/tests/helpers/test-db";
import { programmeJsonLd } from "./json-ld";
import { getPublicProgramme } from "./public";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T12:00:00Z");

beforeAll(async () => {
  await seedDemo(prisma);
});

/** Gives the cohort `n` more seat-holding enrolments (people of their own). */
async function fill(cohortSlug: string, n: number, status: "CONFIRMED" | "WAITLISTED" = "CONFIRMED") {
  const cohort = await prisma.cohort.findFirstOrThrow({ where: { slug: cohortSlug, programme: { slug: KIU_SLUG } } });
  const programme = await prisma.programme.findUniqueOrThrow({ where: { id: cohort.programmeId } });
  for (let i = 0; i < n; i++) {
    const tag = `${cohortSlug}-${status}-${Date.now()}-${i}-${Math.random()}`;
    const person = await prisma.person.create({ data: { name: `Deltager ${i}`, email: `${tag.toLowerCase()}@kommune.example` } });
    await prisma.enrolment.create({
      data: {
        cohortId: cohort.id, personId: person.id, status, priceOre: programme.priceOre, vatRateBp: programme.vatRateBp,
        termsAcceptedAt: NOW, termsVersion: "t", privacyAcceptedAt: NOW,
        ...(status === "WAITLISTED" ? { waitlistPosition: 1000 + i } : {}),
      },
    });
  }
  return cohort;
}

const autumn = async (now = NOW) => (await getPublicProgramme(KIU_SLUG, now))!.upcoming.find((c) => c.slug === "efteraar-2027")!;

describe("the public programme's cohorts", () => {
  it("say how many seats are left when few are, and that a full cohort has a waitlist, in the page and its JSON-LD", async () => {
    const before = await autumn();
    expect(before.capacity).toBe(30);
    expect(before.availability).toBe("AVAILABLE");
    const offer = async () => programmeJsonLd(await getPublicProgrammeNow(), "https://x.example/").hasCourseInstance.find((i: { name?: string }) => i.name?.includes("Efterår 2027"));
    expect((await offer())?.offers.availability).toBe("https://schema.org/InStock");

    await fill("efteraar-2027", before.seatsLeft - 12);
    const few = await autumn();
    expect([few.seatsLeft, few.availability]).toEqual([12, "FEW_LEFT"]);
    expect((await offer())?.offers.availability).toBe("https://schema.org/LimitedAvailability");

    // Waitlisted people hold no seat.
    await fill("efteraar-2027", 3, "WAITLISTED");
    expect((await autumn()).seatsLeft).toBe(12);

    await fill("efteraar-2027", 12);
    const full = await autumn();
    expect([full.seatsLeft, full.availability, full.state]).toEqual([0, "FULL", "OPEN"]);
    expect((await offer())?.offers.availability).toBe("https://schema.org/SoldOut");
  });

  it("takes no enrolment from the first course day on, even when the deadline is later", async () => {
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { slug: "foraar-2027" }, include: { sessions: { include: { days: true } } } });
    const firstDay = cohort.sessions.flatMap((s) => s.days).map((d) => d.startsAt).sort((a, b) => a.getTime() - b.getTime())[0]!;
    await prisma.cohort.update({ where: { id: cohort.id }, data: { enrolmentClosesAt: new Date(firstDay.getTime() + 7 * 86_400_000) } });
    const during = new Date(firstDay.getTime() + 3_600_000);
    expect((await getCohortForEnrolment(KIU_SLUG, "foraar-2027", during))!.state).toBe("STARTED");
    expect((await getCohortForEnrolment(KIU_SLUG, "foraar-2027", new Date(firstDay.getTime() - 3_600_000)))!.state).toBe("OPEN");
  });
});

async function getPublicProgrammeNow() {
  return (await getPublicProgramme(KIU_SLUG, NOW))!;
}
