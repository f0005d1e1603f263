import "server-only";
import type { Tx } from "../db";
import { enqueueMail } from "../mail/outbox";
import { loadEnrolmentDetails } from "./details";
import { cancellationRejectedMail, cancelledMail, confirmationMail, movedMail, substitutionMails, waitlistLeftMail } from "./mails";

// Mails that report a change to an enrolment, written into the outbox inside the transaction that
// makes the change (one line at each call site). Where a calendar the person already has must be
// cancelled, the enrolment's calendar SEQUENCE is raised first, so the cancellation outranks it.

/** Statuses in which the person was sent the course days as a calendar. */
const HAD_CALENDAR = ["CONFIRMED", "COMPLETED"];

async function nextCalendarSequence(tx: Tx, enrolmentId: string): Promise<number> {
  const e = await tx.enrolment.update({ where: { id: enrolmentId }, data: { calendarSequence: { increment: 1 } }, select: { calendarSequence: true } });
  return e.calendarSequence;
}

/** After an enrolment was cancelled: the person is told why, and a seat-holder's calendar days are cancelled. */
export async function mailCancelled(tx: Tx, enrolmentId: string, opts: { reason: string; previousStatus: string }) {
  const heldSeat = HAD_CALENDAR.includes(opts.previousStatus);
  const sequence = heldSeat ? await nextCalendarSequence(tx, enrolmentId) : 0;
  await enqueueMail(tx, cancelledMail(await loadEnrolmentDetails(tx, enrolmentId), { reason: opts.reason, heldSeat, sequence }));
}

export async function mailCancellationRejected(tx: Tx, enrolmentId: string, requestedAt: Date) {
  await enqueueMail(tx, cancellationRejectedMail(await loadEnrolmentDetails(tx, enrolmentId), requestedAt));
}

/** After a move: one mail with the old days cancelled and the new ones (or the waitlist place). */
export async function mailMoved(tx: Tx, opts: { fromId: string; toId: string; token: string; waitlistRank: number | null; previousStatus: string }) {
  const heldSeat = HAD_CALENDAR.includes(opts.previousStatus);
  const sequence = heldSeat ? await nextCalendarSequence(tx, opts.fromId) : 0;
  const [from, to] = [await loadEnrolmentDetails(tx, opts.fromId), await loadEnrolmentDetails(tx, opts.toId)];
  await enqueueMail(tx, movedMail(from, to, { token: opts.token, waitlistRank: opts.waitlistRank, heldSeat, sequence }));
}

/** A seat is confirmed (an offer accepted or confirmed by an administrator): the confirmation with its calendar. */
export async function mailConfirmed(tx: Tx, enrolmentId: string, token: string) {
  await enqueueMail(tx, confirmationMail(await loadEnrolmentDetails(tx, enrolmentId), token));
}

/** A colleague took over a seat: the original's days are cancelled; the colleague gets the seat, the days and the privacy notice. */
export async function mailSubstitution(tx: Tx, originalId: string, replacementId: string, replacementToken: string) {
  await nextCalendarSequence(tx, originalId);
  const [original, replacement] = [await loadEnrolmentDetails(tx, originalId), await loadEnrolmentDetails(tx, replacementId)];
  for (const mail of substitutionMails(original, replacement, replacementToken)) await enqueueMail(tx, mail);
}

export async function mailWaitlistLeft(tx: Tx, enrolmentId: string, declinedOffer: boolean) {
  await enqueueMail(tx, waitlistLeftMail(await loadEnrolmentDetails(tx, enrolmentId), declinedOffer));
}
