import "server-only";
import type { Tx } from "../db";
import { priceBreakdown } from "../money";

/** What mails and pages need to describe an enrolment: the person, the cohort, its days and the price. */
export async function loadEnrolmentDetails(tx: Tx, enrolmentId: string) {
  const e = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    include: {
      person: true,
      organisation: true,
      cohort: {
        include: {
          programme: true,
          sessions: {
            include: { module: true, venue: true, room: true, days: { orderBy: { startsAt: "asc" } } },
            orderBy: { module: { position: "asc" } },
          },
        },
      },
    },
  });
  const days = e.cohort.sessions.flatMap((s) => s.days.map((d) => ({ ...d, session: s })));
  const firstDayStartsAt = days.reduce<Date | null>((min, d) => (!min || d.startsAt < min ? d.startsAt : min), null);
  return { ...e, days, firstDayStartsAt, price: priceBreakdown(e.priceOre, e.vatRateBp, e.cohort.programme.currency) };
}

export type EnrolmentDetails = Awaited<ReturnType<typeof loadEnrolmentDetails>>;
