import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/passwords";
import { ProgrammeContentSchema } from "../../lib/programmes/content";
import { copenhagenTime } from "../../lib/time";
import { recordFullAttendance } from "./attendance";
import { seedCertificates } from "./certificates";
import { createDefaultForm, recordResponses } from "./evaluations";
import { KIU_CONTENT } from "./programme-content";

// The demo data: the first real programme Stillads serves, from ../shared/programme-facts.md.
// Idempotent and non-destructive: every record is found by its natural key and only created when it
// is missing, so running the seed again (npm start does) never overwrites what an administrator changed.

export const KIU_SLUG = "kommunernes-implementeringsuddannelse";

type DayPlan = { date: string; start: string; end: string };
type CohortPlan = {
  slug: string;
  name: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "COMPLETED";
  capacity: number;
  opens: string;
  closes: string;
  host?: "syddjurs";
  atVenue: boolean;
  modules: [DayPlan[], DayPlan[]];
};

// Teaching days run 09.00–16.00 (assumed; the source gives dates, not times).
const day = (date: string): DayPlan => ({ date, start: "09:00", end: "16:00" });

export const KIU_COHORTS: CohortPlan[] = [
  {
    slug: "efteraar-2023",
    name: "Efterår 2023",
    status: "COMPLETED",
    capacity: 30,
    opens: "2023-06-20",
    closes: "2023-08-14",
    atVenue: true,
    modules: [[day("2023-08-21"), day("2023-08-22")], [day("2023-10-30"), day("2023-10-31")]],
  },
  {
    // LEAD's run of the same education for Syddjurs Kommune, whose evaluations the page shows. The source
    // gives no dates or venue for it; the dates below are placeholders earlier in 2023.
    slug: "syddjurs-2023",
    name: "Syddjurs Kommune 2023",
    status: "COMPLETED",
    capacity: 20,
    opens: "2023-01-02",
    closes: "2023-03-01",
    host: "syddjurs",
    atVenue: false,
    modules: [[day("2023-03-13"), day("2023-03-14")], [day("2023-05-08"), day("2023-05-09")]],
  },
  {
    slug: "foraar-2027",
    name: "Forår 2027",
    status: "PUBLISHED",
    capacity: 30,
    opens: "2026-10-01",
    closes: "2027-03-01",
    atVenue: true,
    modules: [[day("2027-03-15"), day("2027-03-16")], [day("2027-05-10"), day("2027-05-11")]],
  },
  {
    slug: "efteraar-2027",
    name: "Efterår 2027",
    status: "PUBLISHED",
    capacity: 30,
    opens: "2026-11-01",
    closes: "2027-08-09",
    atVenue: true,
    modules: [[day("2027-08-23"), day("2027-08-24")], [day("2027-11-01"), day("2027-11-02")]],
  },
];

/**
 * Twenty anonymous Syddjurs responses. Their means are exactly the published figures:
 * quality 196/20 = 9.8, relevance 190/20 = 9.5, delivery 190/20 = 9.5.
 */
export const SYDDJURS_SCORES: Array<{ content_quality: number; content_relevance: number; delivery: number }> = [
  ...Array.from({ length: 11 }, () => ({ content_quality: 10, content_relevance: 10, delivery: 10 })),
  { content_quality: 10, content_relevance: 9, delivery: 9 },
  { content_quality: 10, content_relevance: 9, delivery: 9 },
  { content_quality: 10, content_relevance: 9, delivery: 9 },
  { content_quality: 10, content_relevance: 9, delivery: 9 },
  { content_quality: 10, content_relevance: 10, delivery: 9 },
  { content_quality: 9, content_relevance: 9, delivery: 9 },
  { content_quality: 9, content_relevance: 9, delivery: 9 },
  { content_quality: 9, content_relevance: 8, delivery: 9 },
  { content_quality: 9, content_relevance: 8, delivery: 8 },
];

export const PUBLISHED_LABELS = [
  { questionKey: "content_quality", label: "Kvalitet af indhold" },
  { questionKey: "content_relevance", label: "Relevans af indhold" },
  { questionKey: "delivery", label: "Formidling" },
] as const;

async function upsertOrganisations(prisma: PrismaClient) {
  const kl =
    (await prisma.organisation.findFirst({ where: { name: "KL", kind: "OTHER_PUBLIC" } })) ??
    (await prisma.organisation.create({
      data: { name: "KL", kind: "OTHER_PUBLIC", street: "Weidekampsgade 10", postalCode: "2300", city: "København S" },
    }));
  const syddjurs = await prisma.organisation.upsert({
    where: { municipalityCode: 706 },
    update: {},
    create: { name: "Syddjurs Kommune", kind: "MUNICIPALITY", municipalityCode: 706 },
  });
  return { kl, syddjurs };
}

async function upsertProgramme(prisma: PrismaClient) {
  const content = ProgrammeContentSchema.parse(KIU_CONTENT);
  const programme = await prisma.programme.upsert({
    where: { slug: KIU_SLUG },
    update: {},
    create: {
      slug: KIU_SLUG,
      title: "Kommunernes Implementeringsuddannelse",
      summary:
        "Lær at implementere digitale løsninger, så de bliver brugt og giver gevinster: to moduler på hver to dage i KL-huset i København, udbudt af KL sammen med LEAD.",
      content,
      audience: "Projektledere, ledere og konsulenter i kommuner, der har ansvaret for at implementere digitale løsninger.",
      providerName: "KL",
      providerUrl: "https://www.kl.dk",
      partnerName: "LEAD",
      status: "PUBLISHED",
      priceOre: 1_295_000,
      currency: "DKK",
      vatRateBp: 2500,
      priceIncludes: ["Undervisning", "Forplejning på kursusdagene", "Kursusmaterialer"],
      bindingEnrolment: true,
      substitutionAllowed: true,
      termsText:
        "Tilmeldingen er bindende, og prisen faktureres din organisation. Kan du ikke deltage, kan du sende en kollega i dit sted.",
      termsVersion: "2023-06-20",
      // The facts give the contact's role and phone; name and e-mail are filled in by an administrator.
      contactTitle: "Vicekontorchef, Kontor for Digitalisering og Teknologi, KL",
      contactPhone: "33 70 32 34",
      modules: {
        create: [
          {
            position: 1,
            title: "Det digitale implementeringsstillads",
            description:
              "Sådan planlægger og styrer du en digital implementering som et stillads, der kan bygges om undervejs: roller, interessenter, iterationer og de forudsætninger, løsningen skal fungere under.",
            durationDays: 2,
          },
          {
            position: 2,
            title: "Fra strategi til adfærdsmål til resultat",
            description:
              "Sådan omsætter du strategien til konkrete adfærdsmål, følger op på dem og gør resultaterne synlige.",
            durationDays: 2,
          },
        ],
      },
    },
    include: { modules: { orderBy: { position: "asc" } } },
  });

  const kaare = await prisma.instructor.findFirst({ where: { name: "Kaare Pedersen" } });
  const instructor =
    kaare ??
    (await prisma.instructor.create({
      data: {
        name: "Kaare Pedersen",
        title: "Chefkonsulent",
        organisation: "LEAD",
        bio: "Rådgiver om ledelse og organisationsudvikling og har mange års erfaring med implementeringer i den kommunale verden.",
      },
    }));
  await prisma.programmeInstructor.upsert({
    where: { programmeId_instructorId: { programmeId: programme.id, instructorId: instructor.id } },
    update: {},
    create: { programmeId: programme.id, instructorId: instructor.id, position: 1 },
  });
  return programme;
}

async function upsertVenue(prisma: PrismaClient) {
  return prisma.venue.upsert({
    where: { name_street_postalCode: { name: "KL-huset", street: "Weidekampsgade 10", postalCode: "2300" } },
    update: {},
    create: { name: "KL-huset", street: "Weidekampsgade 10", postalCode: "2300", city: "København S" },
  });
}

export async function seedDemo(prisma: PrismaClient) {
  const { syddjurs } = await upsertOrganisations(prisma);
  const programme = await upsertProgramme(prisma);
  const venue = await upsertVenue(prisma);

  const cohorts: Record<string, string> = {};
  for (const plan of KIU_COHORTS) {
    const cohort = await prisma.cohort.upsert({
      where: { programmeId_slug: { programmeId: programme.id, slug: plan.slug } },
      update: {},
      create: {
        programmeId: programme.id,
        slug: plan.slug,
        name: plan.name,
        status: plan.status,
        capacity: plan.capacity,
        enrolmentOpensAt: copenhagenTime(plan.opens, "00:00"),
        enrolmentClosesAt: copenhagenTime(plan.closes, "23:59"),
        hostOrganisationId: plan.host === "syddjurs" ? syddjurs.id : null,
      },
    });
    cohorts[plan.slug] = cohort.id;
    for (const [i, days] of plan.modules.entries()) {
      const mod = programme.modules[i]!;
      const session = await prisma.session.upsert({
        where: { cohortId_moduleId: { cohortId: cohort.id, moduleId: mod.id } },
        update: {},
        create: { cohortId: cohort.id, moduleId: mod.id, venueId: plan.atVenue ? venue.id : null },
      });
      for (const d of days) {
        const startsAt = copenhagenTime(d.date, d.start);
        await prisma.sessionDay.upsert({
          where: { sessionId_startsAt: { sessionId: session.id, startsAt } },
          update: {},
          create: { sessionId: session.id, startsAt, endsAt: copenhagenTime(d.date, d.end) },
        });
      }
    }
  }

  await seedSyddjursEvaluations(prisma, programme.id, cohorts["syddjurs-2023"]!, syddjurs.id);
  await seedDemoUsers(prisma, cohorts["efteraar-2027"]!);
  await seedCertificates(prisma);
  return { programmeId: programme.id, cohorts };
}

/** Demo staff with documented passwords, for local use only (the seed refuses production). */
export const DEMO_USERS = [
  { email: "admin@stillads.invalid", name: "Demo Administrator", role: "ADMIN", password: "stillads-demo-admin" },
  { email: "koordinator@stillads.invalid", name: "Demo Koordinator", role: "COORDINATOR", password: "stillads-demo-koordinator" },
  { email: "underviser@stillads.invalid", name: "Demo Underviser", role: "TEACHER", password: "stillads-demo-underviser" },
] as const;

async function seedDemoUsers(prisma: PrismaClient, teacherCohortId: string) {
  for (const u of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: u.email } });
    const user = existing ?? (await prisma.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) } }));
    if (u.role === "TEACHER") {
      await prisma.cohortTeacher.upsert({
        where: { cohortId_userId: { cohortId: teacherCohortId, userId: user.id } },
        update: {},
        create: { cohortId: teacherCohortId, userId: user.id },
      });
    }
  }
}

async function seedSyddjursEvaluations(prisma: PrismaClient, programmeId: string, cohortId: string, organisationId: string) {
  const title = "Evaluering af Kommunernes Implementeringsuddannelse";
  const existing = await prisma.evaluationForm.findFirst({ where: { cohortId, title } });
  if (!existing) {
    // One transaction: a seed interrupted half-way leaves no form with only some of its responses.
    await prisma.$transaction(async (tx) => {
      const enrolmentIds: string[] = [];
      for (let n = 1; n <= SYDDJURS_SCORES.length; n++) {
        const nn = String(n).padStart(2, "0");
        const person = await tx.person.upsert({
          where: { email: `deltager${nn}@syddjurs.example` },
          update: {},
          create: { name: `Deltager ${nn} (demo)`, email: `deltager${nn}@syddjurs.example`, organisationId },
        });
        const enrolment = await tx.enrolment.create({
          data: {
            cohortId,
            personId: person.id,
            organisationId,
            status: "COMPLETED",
            priceOre: 1_295_000,
            vatRateBp: 2500,
            termsAcceptedAt: new Date("2023-02-01T09:00:00Z"),
            termsVersion: "2023-01-02",
            privacyAcceptedAt: new Date("2023-02-01T09:00:00Z"),
            confirmedAt: new Date("2023-02-01T09:00:00Z"),
            completedAt: new Date("2023-05-09T14:00:00Z"),
          },
        });
        enrolmentIds.push(enrolment.id);
      }
      await recordFullAttendance(tx, cohortId, enrolmentIds);
      const form = await createDefaultForm(tx, { cohortId, title, anonymous: true, closesAt: new Date("2023-05-31T21:59:00Z") });
      await recordResponses(tx, { formId: form.id, enrolmentIds, answers: SYDDJURS_SCORES, submittedAt: new Date("2023-05-10T10:00:00Z") });
    }, { timeout: 60_000 });
  }
  for (const [i, p] of PUBLISHED_LABELS.entries()) {
    const found = await prisma.publishedScore.findFirst({ where: { programmeId, cohortId, questionKey: p.questionKey } });
    if (!found) {
      await prisma.publishedScore.create({ data: { programmeId, cohortId, questionKey: p.questionKey, label: p.label, position: i + 1 } });
    }
  }
}
