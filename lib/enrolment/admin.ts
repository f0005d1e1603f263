import "server-only";
import { audit } from "../audit";
import { db } from "../db";
import { EnrolmentError } from "./errors";
import { enqueueMail } from "../mail/outbox";
import { ACTIVE_STATUSES, TX_OPTIONS, lockCohort } from "./service";
import { promoteFromWaitlist } from "./waitlist";

/**
 * An administrator cancels an enrolment (e.g. deciding a cancellation request): the seat is freed and,
 * in the same transaction, offered to the first on the waitlist. Authorization is the caller's
 * (the admin area checks "enrolment:update" before calling).
 */
export async function cancelEnrolment(params: { enrolmentId: string; reason: string; actorUserId?: string | null; now?: Date }) {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    const found = await tx.enrolment.findUnique({ where: { id: params.enrolmentId } });
    if (!found) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen findes ikke.");
    await lockCohort(tx, found.cohortId);
    const e = await tx.enrolment.findUniqueOrThrow({ where: { id: found.id } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) {
      throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er ikke aktiv og kan ikke annulleres.");
    }
    await tx.enrolment.update({
      where: { id: e.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: params.reason, waitlistPosition: null, offerExpiresAt: null },
    });
    await audit(tx, {
      actorUserId: params.actorUserId ?? null,
      actorLabel: params.actorUserId ? null : "system",
      action: "enrolment.cancelled",
      entityType: "Enrolment",
      entityId: e.id,
      before: { status: e.status },
      after: { status: "CANCELLED", reason: params.reason },
    });
    const promoted = await promoteFromWaitlist(tx, { cohortId: e.cohortId, now, actorUserId: params.actorUserId });
    return { promoted };
  }, TX_OPTIONS);
}

/** An administrator turns down a cancellation request: the enrolment stands, the participant is told. */
export async function rejectCancellationRequest(params: { enrolmentId: string; actorUserId: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const e = await tx.enrolment.findUnique({ where: { id: params.enrolmentId }, include: { person: true, cohort: { include: { programme: true } } } });
    if (!e || !e.cancellationRequestedAt) throw new EnrolmentError("NOT_ALLOWED", "Der er ingen anmodning om afmelding at afvise.");
    await tx.enrolment.update({ where: { id: e.id }, data: { cancellationRequestedAt: null, cancellationRequestReason: null } });
    await audit(tx, {
      actorUserId: params.actorUserId,
      action: "enrolment.cancellation_rejected",
      entityType: "Enrolment",
      entityId: e.id,
      before: { cancellationRequestReason: e.cancellationRequestReason },
      after: { cancellationRequestReason: null },
    });
    await enqueueMail(tx, {
      dedupeKey: `cancellation-rejected:${e.id}:${e.cancellationRequestedAt.toISOString()}`,
      to: e.person.email,
      subject: `Din anmodning om afmelding: ${e.cohort.programme.title}`,
      text: `Kære ${e.person.name}\n\nVi har behandlet din anmodning om afmelding af ${e.cohort.programme.title}, hold ${e.cohort.name}. Tilmeldingen er bindende, så din plads og fakturaen står ved magt. Kan du ikke deltage, kan du sende en kollega i dit sted via linket i din bekræftelse.\n\nVenlig hilsen\nStillads`,
    });
  }, TX_OPTIONS);
}
