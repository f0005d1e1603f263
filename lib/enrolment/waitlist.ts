import "server-only";
import { actor, audit } from "../audit";
import { txOptions } from "../db/bounded";
import { db, type Tx } from "../db";
import { env } from "../env";
import { enqueueMail } from "../mail/outbox";
import { hashToken, newToken } from "../tokens";
import { loadEnrolmentDetails } from "./details";
import { offerMail } from "./mails";
import { lockCohort } from "./seat";

/**
 * Offers every free seat of a cohort to the first on its waitlist: each becomes PENDING with a deadline
 * and gets a mail with a fresh manage link. Call it inside the transaction that freed the seat (an
 * administrator's cancellation, a capacity increase), with the cohort locked, or on its own.
 */
export async function promoteFromWaitlist(
  tx: Tx,
  params: { cohortId: string; now?: Date; offerHours?: number; actorUserId?: string | null },
): Promise<string[]> {
  const now = params.now ?? new Date();
  const hours = params.offerHours ?? env().WAITLIST_OFFER_HOURS;
  const cohort = await lockCohort(tx, params.cohortId);
  if (!cohort || cohort.status === "COMPLETED") return [];
  let free = cohort.capacity - cohort.seatsTaken;
  const promoted: string[] = [];
  while (free > 0) {
    const next = await tx.enrolment.findFirst({
      where: { cohortId: cohort.id, status: "WAITLISTED" },
      orderBy: { waitlistPosition: "asc" },
    });
    if (!next) break;
    const expiresAt = new Date(now.getTime() + hours * 3_600_000);
    // The offer mail carries a new link: the old token's hash is replaced, so only the latest mail works.
    const token = newToken();
    await tx.enrolment.update({
      where: { id: next.id },
      data: { status: "PENDING", waitlistPosition: null, offerExpiresAt: expiresAt, manageTokenHash: hashToken(token) },
    });
    await audit(tx, {
      ...actor(params.actorUserId),
      action: "enrolment.offered",
      entityType: "Enrolment",
      entityId: next.id,
      before: { status: "WAITLISTED", waitlistPosition: next.waitlistPosition },
      after: { status: "PENDING", offerExpiresAt: expiresAt.toISOString() },
    });
    await enqueueMail(tx, offerMail(await loadEnrolmentDetails(tx, next.id), token, expiresAt));
    promoted.push(next.id);
    free--;
  }
  return promoted;
}

/** Lapses offers past their deadline and passes each seat on to the next in line. Run periodically. */
export async function expireWaitlistOffers(now = new Date()): Promise<{ expired: number; promoted: number }> {
  const lapsed = await db.enrolment.findMany({
    where: { status: "PENDING", offerExpiresAt: { lt: now } },
    select: { cohortId: true },
    distinct: ["cohortId"],
  });
  let expired = 0;
  let promoted = 0;
  for (const { cohortId } of lapsed) {
    await db.$transaction(async (tx) => {
      await lockCohort(tx, cohortId);
      const due = await tx.enrolment.findMany({ where: { cohortId, status: "PENDING", offerExpiresAt: { lt: now } } });
      for (const e of due) {
        // Only if still offered: a participant who said yes in the meantime keeps the seat.
        const { count } = await tx.enrolment.updateMany({
          where: { id: e.id, status: "PENDING" },
          data: { status: "CANCELLED", cancelledAt: now, cancelReason: "Tilbuddet om en plads fra ventelisten udløb", manageTokenHash: null },
        });
        if (count === 0) continue;
        await audit(tx, {
          actorLabel: "system",
          action: "enrolment.offer_lapsed",
          entityType: "Enrolment",
          entityId: e.id,
          before: { status: "PENDING", offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null },
          after: { status: "CANCELLED" },
        });
        expired++;
      }
      promoted += (await promoteFromWaitlist(tx, { cohortId, now })).length;
    }, txOptions());
  }
  return { expired, promoted };
}
