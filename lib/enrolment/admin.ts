import "server-only";
import { actor, audit } from "../audit";
import { txOptions } from "../db/bounded";
import { db } from "../db";
import { billingOf } from "./billing";
import { EnrolmentError } from "./errors";
import { hashToken, newToken } from "../tokens";
import { mailCancellationRejected, mailCancelled, mailConfirmed, mailMoved } from "./notify";
import type { AdminEnrolmentEdit } from "./schemas";
import { insertTakingSeat, lockedEnrolment, newId, waitlistRank } from "./seat";
import { ACTIVE_STATUSES } from "./service";
import { promoteFromWaitlist } from "./waitlist";
import { creditEnrolment } from "../invoicing/service";

/**
 * An administrator cancels an enrolment (e.g. deciding a cancellation request): the seat is freed and,
 * in the same transaction, offered to the first on the waitlist. Authorization is the caller's
 * (the admin area checks "enrolment:update" before calling).
 */
export async function cancelEnrolment(params: { enrolmentId: string; reason: string; actorUserId?: string | null; now?: Date }) {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    const e = await lockedEnrolment(tx, params.enrolmentId);
    if (!e) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen findes ikke.");
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) {
      throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er ikke aktiv og kan ikke annulleres.");
    }
    await tx.enrolment.update({
      where: { id: e.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: params.reason, waitlistPosition: null, offerExpiresAt: null },
    });
    await audit(tx, {
      ...actor(params.actorUserId),
      action: "enrolment.cancelled",
      entityType: "Enrolment",
      entityId: e.id,
      before: { status: e.status },
      after: { status: "CANCELLED", reason: params.reason },
    });
    await mailCancelled(tx, e.id, { reason: params.reason, previousStatus: e.status });
    await creditEnrolment(tx, { enrolmentId: e.id, actorUserId: params.actorUserId, now });
    const promoted = await promoteFromWaitlist(tx, { cohortId: e.cohortId, now, actorUserId: params.actorUserId });
    return { promoted };
  }, txOptions());
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
    await mailCancellationRejected(tx, e.id, e.cancellationRequestedAt);
  }, txOptions());
}

/** An administrator corrects invoice details or writes internal notes; the audit log keeps the old values. */
export async function updateEnrolmentDetails(params: { enrolmentId: string; input: AdminEnrolmentEdit; actorUserId: string }) {
  return db.$transaction(async (tx) => {
    const e = await tx.enrolment.findUnique({ where: { id: params.enrolmentId } });
    if (!e) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen findes ikke.");
    const i = params.input;
    const data = {
      invoiceEan: i.invoiceEan || null,
      invoiceCvr: i.invoiceCvr || null,
      invoiceAttention: i.invoiceAttention || null,
      invoiceReference: i.invoiceReference || null,
      billingStreet: i.billingStreet || null,
      billingPostalCode: i.billingPostalCode || null,
      billingCity: i.billingCity || null,
      invoiceEmail: i.invoiceEmail || null,
      internalNotes: i.internalNotes || null,
    };
    const before = Object.fromEntries(Object.keys(data).map((k) => [k, e[k as keyof typeof data]]));
    await tx.enrolment.update({ where: { id: e.id }, data });
    await audit(tx, { actorUserId: params.actorUserId, action: "enrolment.details_updated", entityType: "Enrolment", entityId: e.id, before, after: data });
  });
}

/**
 * Moves an active enrolment to another cohort of the same programme: a seat there if one is free,
 * else its waitlist. The old enrolment is cancelled (its seat offered on), the new one keeps the
 * invoice details and gets a new manage link by mail. Both cohorts are locked, in id order.
 */
export async function moveEnrolment(params: { enrolmentId: string; targetCohortId: string; actorUserId: string; now?: Date }) {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    const e = await lockedEnrolment(tx, params.enrolmentId, [params.targetCohortId]);
    if (!e) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen findes ikke.");
    if (e.cohortId === params.targetCohortId) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er allerede på det hold.");
    const source = await tx.cohort.findUniqueOrThrow({ where: { id: e.cohortId }, select: { programmeId: true } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) throw new EnrolmentError("NOT_ALLOWED", "Kun en aktiv tilmelding kan flyttes.");
    const target = await tx.cohort.findUnique({ where: { id: params.targetCohortId } });
    if (!target || target.programmeId !== source.programmeId) throw new EnrolmentError("NOT_ALLOWED", "Vælg et hold på samme uddannelse.");
    if (target.status === "COMPLETED") throw new EnrolmentError("NOT_ALLOWED", "Holdet er afsluttet.");
    const clash = await tx.enrolment.findFirst({ where: { cohortId: target.id, personId: e.personId, status: { in: [...ACTIVE_STATUSES] } } });
    if (clash) throw new EnrolmentError("NOT_ALLOWED", "Deltageren er allerede tilmeldt det hold.");

    await tx.enrolment.update({
      where: { id: e.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: `Flyttet til holdet ${target.name}`, waitlistPosition: null, offerExpiresAt: null, manageTokenHash: null },
    });
    const token = newToken();
    // The target's seat is decided as for a new applicant: a seat if one is free, else its waitlist.
    const moved = await insertTakingSeat(
      tx,
      target.id,
      {
        id: newId(),
        personId: e.personId,
        ...billingOf(e),
        dietaryNeeds: e.dietaryNeeds,
        accessibilityNeeds: e.accessibilityNeeds,
        privacyAcceptedAt: e.privacyAcceptedAt,
        internalNotes: e.internalNotes,
        manageTokenHash: hashToken(token),
      },
      now,
    );
    const waitlistPosition = moved.status === "WAITLISTED" ? moved.waitlistPosition : null;
    await audit(tx, {
      actorUserId: params.actorUserId,
      action: "enrolment.moved",
      entityType: "Enrolment",
      entityId: e.id,
      before: { cohortId: e.cohortId, status: e.status },
      after: { cohortId: target.id, newEnrolmentId: moved.id, status: moved.status },
    });
    const rank = waitlistPosition ? await waitlistRank(tx, target.id, waitlistPosition) : null;
    await mailMoved(tx, { fromId: e.id, toId: moved.id, token, waitlistRank: rank, previousStatus: e.status });
    // The new cohort's enrolment is invoiced with that cohort; the old invoice line is credited.
    await creditEnrolment(tx, { enrolmentId: e.id, actorUserId: params.actorUserId, now });
    const promoted = await promoteFromWaitlist(tx, { cohortId: e.cohortId, now, actorUserId: params.actorUserId });
    return { enrolmentId: moved.id, status: moved.status, promoted };
  }, txOptions());
}

/**
 * An administrator confirms a seat offered from the waitlist on the participant's behalf (e.g. they
 * said yes on the phone). The confirmation mail carries a fresh manage link.
 */
export async function confirmOffer(params: { enrolmentId: string; actorUserId: string; now?: Date }) {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    const token = newToken();
    // One conditional update, no lock: the offered seat is already this enrolment's (PENDING holds it),
    // and an expiry running at the same moment either sees CONFIRMED or wins and this changes nothing.
    const { count } = await tx.enrolment.updateMany({
      where: { id: params.enrolmentId, status: "PENDING" },
      data: { status: "CONFIRMED", confirmedAt: now, offerExpiresAt: null, manageTokenHash: hashToken(token) },
    });
    if (count === 0) throw new EnrolmentError("NOT_ALLOWED", "Kun en tilbudt plads kan bekræftes.");
    const e = { id: params.enrolmentId };
    await audit(tx, { actorUserId: params.actorUserId, action: "enrolment.offer_confirmed", entityType: "Enrolment", entityId: e.id, before: { status: "PENDING" }, after: { status: "CONFIRMED" } });
    await mailConfirmed(tx, e.id, token);
  }, txOptions());
}
