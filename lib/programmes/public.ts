import "server-only";
import { db } from "../db";
import { ProgrammeContentSchema, type ProgrammeContent } from "./content";

/** Where a published cohort stands for an applicant at a given moment. */
export type EnrolmentState = "OPEN" | "NOT_YET_OPEN" | "CLOSED" | "STARTED";

/** From its first course day on, a cohort takes no enrolments, whatever its deadline says. */
export function enrolmentState(
  cohort: { status: string; enrolmentOpensAt: Date; enrolmentClosesAt: Date },
  now: Date,
  firstDay: Date | null,
): EnrolmentState {
  if (cohort.status !== "PUBLISHED") return "CLOSED";
  if (firstDay && now >= firstDay) return "STARTED";
  if (now < cohort.enrolmentOpensAt) return "NOT_YET_OPEN";
  if (now > cohort.enrolmentClosesAt) return "CLOSED";
  return "OPEN";
}

/** How many seats a cohort has left, as the public page tells it. */
export type SeatAvailability = "AVAILABLE" | "FEW_LEFT" | "FULL";

/** "Few left" from 40 % of the seats down (12 of 30): enough to act on, not alarmist. */
export function seatAvailability(capacity: number, seatsLeft: number): SeatAvailability {
  if (seatsLeft <= 0) return "FULL";
  return seatsLeft <= Math.ceil(capacity * 0.4) ? "FEW_LEFT" : "AVAILABLE";
}

/** The first course day of a cohort's sessions, or null before any is planned. */
export function firstCourseDay(sessions: Array<{ days: Array<{ startsAt: Date }> }>): Date | null {
  return sessions.flatMap((s) => s.days).reduce<Date | null>((min, d) => (!min || d.startsAt < min ? d.startsAt : min), null);
}

const cohortInclude = {
  sessions: {
    include: {
      module: { select: { position: true, title: true } },
      venue: true,
      room: { select: { name: true } },
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
      const firstDay = firstCourseDay(c.sessions);
      const lastDay = days.reduce<Date | null>((max, d) => (!max || d.endsAt > max ? d.endsAt : max), null);
      const seatsLeft = Math.max(0, c.capacity - c.seatsTaken);
      return { ...c, firstDay, lastDay, seatsLeft, availability: seatAvailability(c.capacity, seatsLeft), state: enrolmentState(c, now, firstDay) };
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
    select: { slug: true, title: true, summary: true, providerName: true, updatedAt: true },
    orderBy: { title: "asc" },
  });
}
