import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { priceBreakdown } from "../money";

/** What mails and pages need of a cohort: its programme and its sessions with their days and places. */
export const COHORT_FOR_DETAILS = {
  include: {
    programme: true,
    sessions: {
      include: { module: true, venue: true, room: true, days: { orderBy: { startsAt: "asc" } } },
      orderBy: { module: { position: "asc" } },
    },
  },
} as const satisfies Prisma.CohortDefaultArgs;

export type CohortForDetails = Prisma.CohortGetPayload<typeof COHORT_FOR_DETAILS>;
type EnrolmentRow = Prisma.EnrolmentGetPayload<object>;
type PersonRow = Prisma.PersonGetPayload<object>;
type OrganisationRow = Prisma.OrganisationGetPayload<object>;

/** The cohort's first course day, or null when it has none yet. */
export function firstDayOf(cohort: { sessions: Array<{ days: Array<{ startsAt: Date }> }> }): Date | null {
  return cohort.sessions.flatMap((s) => s.days).reduce<Date | null>((min, d) => (!min || d.startsAt < min ? d.startsAt : min), null);
}

/**
 * Puts an enrolment's details together from rows already in hand, so that enrolment can render its
 * mail without reading back what it has just written.
 */
export function assembleEnrolmentDetails(e: EnrolmentRow, person: PersonRow, organisation: OrganisationRow | null, cohort: CohortForDetails) {
  const days = cohort.sessions.flatMap((s) => s.days.map((d) => ({ ...d, session: s })));
  return { ...e, person, organisation, cohort, days, firstDayStartsAt: firstDayOf(cohort), price: priceBreakdown(e.priceOre, e.vatRateBp, cohort.programme.currency) };
}

/** What mails and pages need to describe an enrolment: the person, the cohort, its days and the price. */
export async function loadEnrolmentDetails(tx: Tx, enrolmentId: string) {
  const e = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    include: { person: true, organisation: true, cohort: COHORT_FOR_DETAILS },
  });
  const { person, organisation, cohort, ...row } = e;
  return assembleEnrolmentDetails(row, person, organisation, cohort);
}

export type EnrolmentDetails = ReturnType<typeof assembleEnrolmentDetails>;
