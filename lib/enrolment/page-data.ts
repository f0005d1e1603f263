import "server-only";
import { db } from "../db";
import { priceBreakdown } from "../money";
import { enrolmentState, firstCourseDay } from "../programmes/public";

/** The cohort an applicant is enrolling in, with seats left; null for unknown, draft or in-house cohorts. */
export async function getCohortForEnrolment(programmeSlug: string, cohortSlug: string, now = new Date()) {
  const cohort = await db.cohort.findFirst({
    where: {
      slug: cohortSlug,
      hostOrganisationId: null,
      status: { not: "DRAFT" },
      programme: { slug: programmeSlug, status: "PUBLISHED" },
    },
    include: {
      programme: true,
      sessions: {
        include: { module: true, venue: true, room: true, days: { orderBy: { startsAt: "asc" } } },
        orderBy: { module: { position: "asc" } },
      },
    },
  });
  if (!cohort) return null;
  return {
    ...cohort,
    seatsLeft: Math.max(0, cohort.capacity - cohort.seatsTaken),
    state: enrolmentState(cohort, now, firstCourseDay(cohort.sessions)),
    price: priceBreakdown(cohort.priceOverrideOre ?? cohort.programme.priceOre, cohort.programme.vatRateBp, cohort.programme.currency),
  };
}
