import "server-only";
import { db } from "../db";
import { ProgrammeContentSchema, type ProgrammeContent } from "./content";

/** Where a published cohort stands for an applicant at a given moment. */
export type EnrolmentState = "OPEN" | "NOT_YET_OPEN" | "CLOSED";

export function enrolmentState(
  cohort: { status: string; enrolmentOpensAt: Date; enrolmentClosesAt: Date },
  now: Date,
): EnrolmentState {
  if (cohort.status !== "PUBLISHED") return "CLOSED";
  if (now < cohort.enrolmentOpensAt) return "NOT_YET_OPEN";
  if (now > cohort.enrolmentClosesAt) return "CLOSED";
  return "OPEN";
}

const cohortInclude = {
  sessions: {
    include: {
      module: { select: { position: true, title: true } },
      venue: true,
      room: { select: { name: true, accessibilityNotes: true } },
      days: { orderBy: { startsAt: "asc" as const } },
    },
    orderBy: { module: { position: "asc" as const } },
  },
};

/** Everything the public programme page shows, or null when there is no published programme by that slug. */
export async function getPublicProgramme(slug: string, now = new Date()) {
  const programme = await db.programme.findFirst({
    where: { slug, status: "PUBLISHED" },
    include: {
      modules: { orderBy: { position: "asc" } },
      instructors: { include: { instructor: true }, orderBy: { position: "asc" } },
    },
  });
  if (!programme) return null;

  // Public cohorts only: in-house runs for one organisation are not offered on the page.
  const cohorts = await db.cohort.findMany({
    where: { programmeId: programme.id, hostOrganisationId: null, status: { in: ["PUBLISHED", "COMPLETED"] } },
    include: cohortInclude,
    orderBy: { enrolmentOpensAt: "asc" },
  });
  const withDates = cohorts
    .map((c) => {
      const days = c.sessions.flatMap((s) => s.days);
      const firstDay = days.reduce<Date | null>((min, d) => (!min || d.startsAt < min ? d.startsAt : min), null);
      const lastDay = days.reduce<Date | null>((max, d) => (!max || d.endsAt > max ? d.endsAt : max), null);
      return { ...c, firstDay, lastDay, state: enrolmentState(c, now) };
    })
    .sort((a, b) => (a.firstDay?.getTime() ?? 0) - (b.firstDay?.getTime() ?? 0));

  const parsed = ProgrammeContentSchema.safeParse(programme.content);
  const content: ProgrammeContent = parsed.success ? parsed.data : { lead: [programme.summary], sections: [] };
  if (!parsed.success) console.error(`Programme ${programme.id} has invalid page content`, parsed.error.issues);

  return {
    ...programme,
    content,
    upcoming: withDates.filter((c) => c.status === "PUBLISHED" && (!c.firstDay || c.firstDay > now)),
    past: withDates.filter((c) => c.status === "COMPLETED" || (c.firstDay && c.firstDay <= now)).reverse(),
  };
}

export type PublicProgramme = NonNullable<Awaited<ReturnType<typeof getPublicProgramme>>>;
export type PublicCohort = PublicProgramme["upcoming"][number];

/** Published programmes for the front page. */
export async function listPublicProgrammes() {
  return db.programme.findMany({
    where: { status: "PUBLISHED" },
    select: { slug: true, title: true, summary: true, providerName: true },
    orderBy: { title: "asc" },
  });
}
