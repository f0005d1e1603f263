import { beforeAll, describe, expect, it } from "vitest";
import { KIU_SLUG, seedDemo } from "@/prisma/seed/demo";
import { currentTestDb } from "@/tests/helpers/test-db";
import { readContentVersion } from "./version";

const { prisma } = currentTestDb();

beforeAll(async () => {
  await seedDemo(prisma);
});

/** Whether `change` moves the public content version (and so regenerates the cached pages). */
async function moves(change: () => Promise<unknown>): Promise<boolean> {
  const before = await readContentVersion(prisma);
  await change();
  return (await readContentVersion(prisma)) !== before;
}

describe("the public content version", () => {
  it("moves with every edit of what the public pages show", async () => {
    const programme = await prisma.programme.findFirstOrThrow({ where: { slug: KIU_SLUG } });
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { programmeId: programme.id, slug: "efteraar-2027" }, include: { sessions: { include: { days: true } } } });
    const session = cohort.sessions[0]!;
    expect(await moves(() => prisma.programme.update({ where: { id: programme.id }, data: { summary: "Ny tekst" } }))).toBe(true);
    expect(await moves(() => prisma.module.updateMany({ where: { programmeId: programme.id, position: 1 }, data: { title: "Modul et" } }))).toBe(true);
    expect(await moves(() => prisma.cohort.update({ where: { id: cohort.id }, data: { capacity: 31 } }))).toBe(true);
    expect(await moves(() => prisma.sessionDay.update({ where: { id: session.days[0]!.id }, data: { endsAt: new Date(session.days[0]!.endsAt.getTime() + 60_000) } }))).toBe(true);
    expect(await moves(() => prisma.venue.updateMany({ where: { id: session.venueId ?? "" }, data: { accessibilityNotes: "Elevator" } }))).toBe(true);
  });

  it("moves when a seat is taken or given back, not when someone joins the waitlist", async () => {
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { slug: "efteraar-2027" } });
    const enrol = (status: "CONFIRMED" | "WAITLISTED", n: number) => async () => {
      const person = await prisma.person.create({ data: { name: `P ${n}`, email: `p-${n}-${Math.random()}@kommune.example` } });
      return prisma.enrolment.create({
        data: {
          cohortId: cohort.id, personId: person.id, status, priceOre: 1, vatRateBp: 2500, termsAcceptedAt: new Date(), termsVersion: "t", privacyAcceptedAt: new Date(),
          ...(status === "WAITLISTED" ? { waitlistPosition: 900 + n } : {}),
        },
      });
    };
    expect(await moves(enrol("WAITLISTED", 1))).toBe(false);
    let confirmed: { id: string } | undefined;
    expect(await moves(async () => (confirmed = await enrol("CONFIRMED", 2)()))).toBe(true);
    expect(await moves(() => prisma.enrolment.update({ where: { id: confirmed!.id }, data: { dietaryNeeds: "Vegetar" } }))).toBe(false);
    expect(await moves(() => prisma.enrolment.update({ where: { id: confirmed!.id }, data: { status: "CANCELLED" } }))).toBe(true);
  });

  it("moves when an evaluation answer changes a published running total", async () => {
    const stat = await prisma.evaluationQuestionStat.findFirstOrThrow();
    expect(await moves(() => prisma.evaluationQuestionStat.update({ where: { questionId: stat.questionId }, data: { answers: { increment: 1 }, total: { increment: 10 } } }))).toBe(true);
  });

  it("names the next moment a page changes by the clock alone (an enrolment window opening)", async () => {
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { slug: "efteraar-2027" } });
    const soon = new Date(Date.now() + 60_000);
    await prisma.cohort.update({ where: { id: cohort.id }, data: { enrolmentOpensAt: soon } });
    expect(await readContentVersion(prisma)).toMatch(new RegExp(`\\.${soon.getTime()}$`));
  });
});
