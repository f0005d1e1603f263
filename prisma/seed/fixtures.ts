import type { PrismaClient } from "../../lib/generated/prisma/client";

let counter = 0;

/**
 * A published programme with one cohort of two one-day sessions, for tests and e2e: every call makes
 * its own programme, so tests never share or depend on each other's data.
 */
export async function createCohortFixture(
  prisma: PrismaClient,
  opts: {
    capacity?: number;
    status?: "DRAFT" | "PUBLISHED" | "CLOSED" | "COMPLETED";
    opensAt?: Date;
    closesAt?: Date;
    firstDay?: Date;
    priceOre?: number;
  } = {},
) {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const firstDay = opts.firstDay ?? new Date("2027-09-06T07:00:00Z");
  const programme = await prisma.programme.create({
    data: {
      slug: `test-${n}`,
      title: `Testuddannelse ${n}`,
      summary: "En uddannelse til test.",
      content: { lead: ["Test."], sections: [] },
      audience: "Testere",
      providerName: "KL",
      status: "PUBLISHED",
      priceOre: opts.priceOre ?? 1_295_000,
      termsText: "Tilmeldingen er bindende.",
      termsVersion: "test-1",
      modules: { create: [{ position: 1, title: "Modul A", durationDays: 1 }, { position: 2, title: "Modul B", durationDays: 1 }] },
    },
    include: { modules: { orderBy: { position: "asc" } } },
  });
  const venue = await prisma.venue.create({ data: { name: `Sted ${n}`, street: "Vej 1", postalCode: "2300", city: "København S" } });
  const cohort = await prisma.cohort.create({
    data: {
      programmeId: programme.id,
      slug: `hold-${n}`,
      name: `Hold ${n}`,
      status: opts.status ?? "PUBLISHED",
      capacity: opts.capacity ?? 30,
      enrolmentOpensAt: opts.opensAt ?? new Date("2026-01-01T00:00:00Z"),
      enrolmentClosesAt: opts.closesAt ?? new Date("2027-08-01T00:00:00Z"),
    },
  });
  for (const [i, mod] of programme.modules.entries()) {
    const start = new Date(firstDay.getTime() + i * 7 * 86_400_000);
    await prisma.session.create({
      data: {
        cohortId: cohort.id,
        moduleId: mod.id,
        venueId: venue.id,
        days: { create: [{ startsAt: start, endsAt: new Date(start.getTime() + 7 * 3_600_000) }] },
      },
    });
  }
  return { programme, cohort, venue };
}

/** Valid enrolment form input for a municipal applicant; override what the test is about. */
export function applicant(n: number | string, over: Record<string, unknown> = {}) {
  return {
    name: `Ansøger ${n}`,
    email: `ansoeger-${n}@kommune.example`,
    phone: "12345678",
    jobTitle: "Projektleder",
    orgType: "MUNICIPALITY",
    municipalityCode: "706",
    ean: "5798000416604",
    invoiceAttention: "Økonomi",
    invoiceReference: "PO-1",
    billingStreet: "Lundbergsvej 2",
    billingPostalCode: "8400",
    billingCity: "Ebeltoft",
    acceptTerms: true,
    acceptPrivacy: true,
    ...over,
  };
}

async function nextWaitlistNumber(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT nextval('"Enrolment_waitlist_seq"')::int AS n`;
  return row!.n;
}

/** `count` confirmed participants of a cohort, inserted directly (no mails, no seat checks). */
export async function createParticipants(prisma: PrismaClient, cohortId: string, count: number, status: "CONFIRMED" | "COMPLETED" | "CANCELLED" | "WAITLISTED" = "CONFIRMED") {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const person = await prisma.person.create({ data: { name: `Deltager ${tag}-${i}`, email: `deltager-${tag}-${i}@kommune.example` } });
    const at = new Date("2026-01-15T10:00:00Z");
    const e = await prisma.enrolment.create({
      data: {
        cohortId, personId: person.id, status, priceOre: 1_295_000, vatRateBp: 2500,
        // Waitlist numbers come from the database's shared sequence, as the app's own do.
        waitlistPosition: status === "WAITLISTED" ? await nextWaitlistNumber(prisma) : null,
        termsAcceptedAt: at, termsVersion: "test-1", privacyAcceptedAt: at,
      },
    });
    ids.push(e.id);
  }
  return ids;
}
