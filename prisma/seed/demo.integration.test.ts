import { beforeAll, describe, expect, it } from "vitest";
import { getPublicScores } from "@/lib/evaluations/public-scores";
import { getPublicProgramme } from "@/lib/programmes/public";
import { formatDay, formatTimeRange } from "@/lib/time";
import { currentTestDb } from "@/tests/helpers/test-db";
import { KIU_SLUG, seedDemo } from "./demo";
import { recordResponses } from "./evaluations";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T12:00:00Z");

async function counts() {
  const [programmes, modules, cohorts, sessions, days, people, enrolments, responses, answers, published] = await Promise.all([
    prisma.programme.count(),
    prisma.module.count(),
    prisma.cohort.count(),
    prisma.session.count(),
    prisma.sessionDay.count(),
    prisma.person.count(),
    prisma.enrolment.count(),
    prisma.evaluationResponse.count(),
    prisma.evaluationAnswer.count(),
    prisma.publishedScore.count(),
  ]);
  return { programmes, modules, cohorts, sessions, days, people, enrolments, responses, answers, published };
}

beforeAll(async () => {
  await seedDemo(prisma);
});

describe("demo seed", () => {
  it("stores the programme from programme-facts.md", async () => {
    const p = await prisma.programme.findUniqueOrThrow({ where: { slug: KIU_SLUG }, include: { modules: { orderBy: { position: "asc" } } } });
    expect(p.title).toBe("Kommunernes Implementeringsuddannelse");
    expect(p.priceOre).toBe(1_295_000);
    expect(p.vatRateBp).toBe(2500);
    expect(p.bindingEnrolment).toBe(true);
    expect(p.substitutionAllowed).toBe(true);
    expect(p.contactPhone).toBe("33 70 32 34");
    expect(p.modules.map((m) => [m.position, m.title, m.durationDays])).toEqual([
      [1, "Det digitale implementeringsstillads", 2],
      [2, "Fra strategi til adfærdsmål til resultat", 2],
    ]);
    const venue = await prisma.venue.findFirstOrThrow({ where: { name: "KL-huset" } });
    expect([venue.street, venue.postalCode, venue.city]).toEqual(["Weidekampsgade 10", "2300", "København S"]);
  });

  it("gives every seeded completed participant a kursusbevis, already counted as mailed", async () => {
    const completed = await prisma.enrolment.findMany({ where: { status: "COMPLETED" }, select: { certificate: true } });
    expect(completed.length).toBeGreaterThan(0);
    for (const e of completed) expect(e.certificate).toMatchObject({ revokedAt: null, mailedAt: expect.any(Date), code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/) });
  });

  it("records every seeded completed participant present on every day, so the completion rule holds for them", async () => {
    const completed = await prisma.enrolment.findMany({
      where: { status: "COMPLETED" },
      select: { attendance: { select: { status: true } }, cohort: { select: { sessions: { select: { _count: { select: { days: true } } } } } } },
    });
    expect(completed.length).toBeGreaterThan(0);
    for (const e of completed) {
      const days = e.cohort.sessions.reduce((n, s) => n + s._count.days, 0);
      expect(days).toBeGreaterThan(0);
      expect(e.attendance.map((a) => a.status)).toEqual(Array(days).fill("PRESENT"));
    }
  });

  it("has the completed 2023 cohort on the facts' dates, in Danish time", async () => {
    const cohort = await prisma.cohort.findFirstOrThrow({
      where: { slug: "efteraar-2023" },
      include: { sessions: { include: { days: { orderBy: { startsAt: "asc" } }, module: true }, orderBy: { module: { position: "asc" } } } },
    });
    expect(cohort.status).toBe("COMPLETED");
    const days = cohort.sessions.map((s) => s.days.map((d) => formatDay(d.startsAt)));
    expect(days).toEqual([
      ["mandag den 21. august 2023", "tirsdag den 22. august 2023"],
      ["mandag den 30. oktober 2023", "tirsdag den 31. oktober 2023"],
    ]);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await counts();
    await seedDemo(prisma);
    expect(await counts()).toEqual(before);
    expect(before.responses).toBe(20);
  });

  it("does not overwrite what an administrator changed", async () => {
    await prisma.programme.update({ where: { slug: KIU_SLUG }, data: { contactName: "Navn Efternavn" } });
    await seedDemo(prisma);
    expect((await prisma.programme.findUniqueOrThrow({ where: { slug: KIU_SLUG } })).contactName).toBe("Navn Efternavn");
  });
});

describe("public programme page data", () => {
  it("lists the open 2027 cohorts with their days, venue and enrolment state", async () => {
    const p = await getPublicProgramme(KIU_SLUG, NOW);
    expect(p).not.toBeNull();
    expect(p!.upcoming.map((c) => [c.slug, c.state])).toEqual([
      ["foraar-2027", "OPEN"],
      ["efteraar-2027", "OPEN"],
    ]);
    const autumn = p!.upcoming[1]!;
    const firstDay = autumn.sessions[0]!.days[0]!;
    expect(formatDay(firstDay.startsAt)).toBe("mandag den 23. august 2027");
    expect(formatTimeRange(firstDay.startsAt, firstDay.endsAt)).toBe("kl. 09.00–16.00");
    expect(autumn.sessions[0]!.venue?.name).toBe("KL-huset");
    // The in-house Syddjurs run is not offered to the public.
    expect([...p!.upcoming, ...p!.past].map((c) => c.slug)).not.toContain("syddjurs-2023");
    expect(p!.past.map((c) => c.slug)).toEqual(["efteraar-2023"]);
  });

  it("reports enrolment not yet open, and closed after the deadline", async () => {
    const early = await getPublicProgramme(KIU_SLUG, new Date("2026-09-01T00:00:00Z"));
    expect(early!.upcoming.map((c) => c.state)).toEqual(["NOT_YET_OPEN", "NOT_YET_OPEN"]);
    const late = await getPublicProgramme(KIU_SLUG, new Date("2027-03-05T00:00:00Z"));
    expect(late!.upcoming.map((c) => [c.slug, c.state])).toEqual([
      ["foraar-2027", "CLOSED"],
      ["efteraar-2027", "OPEN"],
    ]);
  });

  it("finds nothing for an unknown slug or an unpublished programme", async () => {
    expect(await getPublicProgramme("findes-ikke", NOW)).toBeNull();
    await prisma.programme.update({ where: { slug: KIU_SLUG }, data: { status: "DRAFT" } });
    try {
      expect(await getPublicProgramme(KIU_SLUG, NOW)).toBeNull();
    } finally {
      await prisma.programme.update({ where: { slug: KIU_SLUG }, data: { status: "PUBLISHED" } });
    }
  });
});

describe("published evaluation scores", () => {
  it("average the stored Syddjurs responses to 9.8, 9.5 and 9.5 with N = 20", async () => {
    const p = await prisma.programme.findUniqueOrThrow({ where: { slug: KIU_SLUG } });
    const scores = await getPublicScores(p.id);
    expect(scores.map((s) => [s.label, s.mean, s.responses, s.cohortName, s.hostOrganisation])).toEqual([
      ["Kvalitet af indhold", 9.8, 20, "Syddjurs Kommune 2023", "Syddjurs Kommune"],
      ["Relevans af indhold", 9.5, 20, "Syddjurs Kommune 2023", "Syddjurs Kommune"],
      ["Formidling", 9.5, 20, "Syddjurs Kommune 2023", "Syddjurs Kommune"],
    ]);
  });

  it("are computed from the answers, so a new response moves them", async () => {
    const p = await prisma.programme.findUniqueOrThrow({ where: { slug: KIU_SLUG } });
    const form = await prisma.evaluationForm.findFirstOrThrow({ where: { cohort: { slug: "syddjurs-2023" } } });
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { slug: "syddjurs-2023" } });
    const person = await prisma.person.create({ data: { name: "Ny", email: "ny@syddjurs.example" } });
    // The in-house cohort is full, and the database refuses a seat beyond its capacity.
    await prisma.cohort.update({ where: { id: cohort.id }, data: { capacity: { increment: 1 } } });
    const enrolment = await prisma.enrolment.create({
      data: { cohortId: cohort.id, personId: person.id, status: "COMPLETED", priceOre: 0, vatRateBp: 2500, termsAcceptedAt: NOW, termsVersion: "x", privacyAcceptedAt: NOW },
    });
    await recordResponses(prisma, {
      formId: form.id,
      enrolmentIds: [enrolment.id],
      answers: [{ content_quality: 1, content_relevance: 1, delivery: 1 }],
      submittedAt: NOW,
    });
    const scores = await getPublicScores(p.id);
    const quality = scores.find((s) => s.questionKey === "content_quality")!;
    expect(quality.responses).toBe(21);
    expect(quality.mean).toBeCloseTo(197 / 21, 10);
  });
});
