import "server-only";
import { audit } from "../audit";
import { txOptions } from "../db/bounded";
import { db, type Tx } from "../db";
import { enqueueMail } from "../mail/outbox";
import { hashToken, newToken } from "../tokens";
import { billingOf } from "./billing";
import { loadEnrolmentDetails } from "./details";
import { enrolmentByManageToken } from "./links";
import { EnrolmentError } from "./errors";
import { cancellationRequestMail } from "./mails";
import { mailConfirmed, mailSubstitution, mailWaitlistLeft } from "./notify";
import type { ColleagueInput, PersonDetailsInput } from "./schemas";
import { lockedEnrolment, waitlistRank } from "./seat";
import { ACTIVE_STATUSES, completePerson, findOrCreatePerson } from "./service";
import { promoteFromWaitlist } from "./waitlist";

// What a participant can do with the personal link from their mail. The link's token is the only
// credential: it is looked up by its hash, and every change is audited as "participant:<id>".

async function requireByToken(tx: Tx, token: string) {
  // The token arrives as a server action's argument, which a client can make an array or an object:
  // enrolmentByManageToken checks its shape.
  const e = await enrolmentByManageToken(tx, token);
  if (!e) throw new EnrolmentError("TOKEN_INVALID", "Linket er ikke gyldigt. Brug linket i den seneste mail, du har fået fra os.");
  return e;
}

/** The enrolment behind a manage link, with everything the page shows, or null for an unknown link. */
export async function getManagedEnrolment(token: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const e = await enrolmentByManageToken(tx, token);
    if (!e) return null;
    const details = await loadEnrolmentDetails(tx, e.id);
    const rank = e.status === "WAITLISTED" && e.waitlistPosition ? await waitlistRank(tx, e.cohortId, e.waitlistPosition) : null;
    const started = details.firstDayStartsAt ? details.firstDayStartsAt <= now : false;
    const offerOpen = e.status === "PENDING" && !!e.offerExpiresAt && e.offerExpiresAt > now;
    const active = (ACTIVE_STATUSES as readonly string[]).includes(e.status);
    const givenBy = e.privacyBasis === "GIVEN_BY_COLLEAGUE" && e.replacesId
      ? (await tx.enrolment.findUnique({ where: { id: e.replacesId }, select: { person: { select: { name: true } } } }))?.person.name ?? null
      : null;
    return {
      ...details,
      waitlistRank: rank,
      /** Who gave us this person's data, when they did not give it themself. */
      dataGivenBy: e.privacyBasis === "GIVEN_BY_COLLEAGUE" ? (givenBy ?? "en kollega") : null,
      canSubstitute: e.status === "CONFIRMED" && details.cohort.programme.substitutionAllowed && !started,
      canEditNeeds: active,
      canEditPerson: active,
      // Only a seat is binding; the waitlist (and a seat offered from it) is left at once, below.
      canRequestCancellation: e.status === "CONFIRMED" && !e.cancellationRequestedAt,
      canLeaveWaitlist: e.status === "WAITLISTED" || offerOpen,
      offerOpen,
    };
  });
}

export async function updateNeeds(token: string, needs: { dietaryNeeds: string; accessibilityNeeds: string }) {
  return db.$transaction(async (tx) => {
    const e = await requireByToken(tx, token);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) {
      throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er ikke længere aktiv, så den kan ikke ændres.");
    }
    const after = { dietaryNeeds: needs.dietaryNeeds || null, accessibilityNeeds: needs.accessibilityNeeds || null };
    await tx.enrolment.update({ where: { id: e.id }, data: after });
    await audit(tx, {
      actorLabel: `participant:${e.id}`,
      action: "enrolment.needs_updated",
      entityType: "Enrolment",
      entityId: e.id,
      before: { dietaryNeeds: e.dietaryNeeds, accessibilityNeeds: e.accessibilityNeeds },
      after,
    });
  }, txOptions());
}

/** The participant accepts a seat offered from the waitlist before its deadline. */
export async function acceptOffer(token: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const e = await requireByToken(tx, token);
    if (e.status === "CONFIRMED") return;
    if (e.status !== "PENDING" || !e.offerExpiresAt) throw new EnrolmentError("NOT_ALLOWED", "Der er ikke noget tilbud om en plads at bekræfte.");
    if (e.offerExpiresAt <= now) throw new EnrolmentError("OFFER_EXPIRED", "Fristen for at sige ja til pladsen er overskredet, og pladsen er gået videre.");
    // One conditional update, no lock: PENDING already holds the seat; an expiry that got there first
    // leaves nothing to update.
    const { count } = await tx.enrolment.updateMany({
      where: { id: e.id, status: "PENDING", offerExpiresAt: { gt: now } },
      data: { status: "CONFIRMED", confirmedAt: now, offerExpiresAt: null, termsAcceptedAt: now },
    });
    if (count === 0) throw new EnrolmentError("OFFER_EXPIRED", "Fristen for at sige ja til pladsen er overskredet, og pladsen er gået videre.");
    await audit(tx, { actorLabel: `participant:${e.id}`, action: "enrolment.offer_accepted", entityType: "Enrolment", entityId: e.id, before: { status: "PENDING" }, after: { status: "CONFIRMED" } });
    await mailConfirmed(tx, e.id, token);
  }, txOptions());
}

/**
 * "Send en kollega": the seat passes to a colleague until the first course day starts. The original
 * enrolment becomes SUBSTITUTED, the colleague's new enrolment points back at it and keeps its invoice
 * details and price, both get a mail, and the audit log records it.
 */
export async function sendColleague(token: string, colleague: ColleagueInput, now = new Date()): Promise<{ enrolmentId: string }> {
  return db.$transaction(async (tx) => {
    const found = await requireByToken(tx, token);
    return substitute(tx, found.id, colleague, now, { actorLabel: `participant:${found.id}` });
  }, txOptions());
}

/** An administrator registers that a colleague takes over a participant's seat (same rules and mails). */
export async function registerSubstitution(enrolmentId: string, colleague: ColleagueInput, actorUserId: string, now = new Date()) {
  return db.$transaction((tx) => substitute(tx, enrolmentId, colleague, now, { actorUserId }), txOptions());
}

async function substitute(
  tx: Tx,
  enrolmentId: string,
  colleague: ColleagueInput,
  now: Date,
  actor: { actorUserId?: string; actorLabel?: string },
): Promise<{ enrolmentId: string }> {
  const locked = await lockedEnrolment(tx, enrolmentId);
  if (!locked) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen findes ikke.");
  const original = await loadEnrolmentDetails(tx, locked.id);
  if (original.status !== "CONFIRMED") throw new EnrolmentError("NOT_ALLOWED", "Kun en bekræftet plads kan overdrages til en kollega.");
  if (!original.cohort.programme.substitutionAllowed) throw new EnrolmentError("NOT_ALLOWED", "Pladser på denne uddannelse kan ikke overdrages.");
  if (original.firstDayStartsAt && original.firstDayStartsAt <= now) {
    throw new EnrolmentError("SUBSTITUTION_CLOSED", "Uddannelsen er gået i gang, så pladsen kan ikke længere overdrages. Kontakt os.");
  }
  if (colleague.email === original.person.email) {
    throw new EnrolmentError("COLLEAGUE_ALREADY_ENROLLED", "Kollegaen skal have sin egen e-mailadresse.");
  }
  const person = await findOrCreatePerson(tx, colleague, original.organisationId);
  const clash = await tx.enrolment.findFirst({ where: { cohortId: original.cohortId, personId: person.id, status: { in: [...ACTIVE_STATUSES] } } });
  if (clash) throw new EnrolmentError("COLLEAGUE_ALREADY_ENROLLED", "Kollegaen er allerede tilmeldt dette hold.");
  await completePerson(tx, person, colleague, original.organisationId);

  await tx.enrolment.update({ where: { id: original.id }, data: { status: "SUBSTITUTED", manageTokenHash: null } });
  const newTokenValue = newToken();
  const replacement = await tx.enrolment.create({
    data: {
      cohortId: original.cohortId,
      personId: person.id,
      status: "CONFIRMED",
      confirmedAt: now,
      // Invoiced as the original, and the organisation's acceptance of the terms carries over; the
      // colleague did not tick a box.
      ...billingOf(original),
      dietaryNeeds: colleague.dietaryNeeds || null,
      accessibilityNeeds: colleague.accessibilityNeeds || null,
      // The colleague accepted nothing: their sender gave us their data, and the privacy notice is mailed to them.
      privacyAcceptedAt: null,
      privacyBasis: "GIVEN_BY_COLLEAGUE",
      manageTokenHash: hashToken(newTokenValue),
      replacesId: original.id,
    },
  });
  await audit(tx, {
    ...actor,
    action: "enrolment.substituted",
    entityType: "Enrolment",
    entityId: original.id,
    before: { status: "CONFIRMED", personId: original.personId },
    after: { status: "SUBSTITUTED", replacementEnrolmentId: replacement.id, replacementPersonId: person.id },
  });
  await mailSubstitution(tx, original.id, replacement.id, newTokenValue);
  return { enrolmentId: replacement.id };
}

/** Records a request to cancel. Enrolment is binding: the seat stays taken until an administrator decides. */
export async function requestCancellation(token: string, reason: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const e = await requireByToken(tx, token);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er ikke længere aktiv.");
    if (e.cancellationRequestedAt) return;
    await tx.enrolment.update({ where: { id: e.id }, data: { cancellationRequestedAt: now, cancellationRequestReason: reason } });
    await audit(tx, { actorLabel: `participant:${e.id}`, action: "enrolment.cancellation_requested", entityType: "Enrolment", entityId: e.id, after: { reason } });
    await enqueueMail(tx, cancellationRequestMail(await loadEnrolmentDetails(tx, e.id)));
  }, txOptions());
}

/**
 * A waitlisted person takes themself off the list, or turns down a seat offered from it: at once, with
 * no administrator involved (nothing is binding before a seat is accepted). A declined seat goes on to
 * the next in line in the same transaction. The link keeps working, to show the outcome.
 */
export async function leaveWaitlist(token: string, now = new Date()): Promise<{ declinedOffer: boolean }> {
  return db.$transaction(async (tx) => {
    const e = (await lockedEnrolment(tx, (await requireByToken(tx, token)).id))!;
    const declinedOffer = e.status === "PENDING";
    if (e.status !== "WAITLISTED" && !declinedOffer) {
      throw new EnrolmentError("NOT_ALLOWED", e.status === "CANCELLED" ? "Du står ikke længere på ventelisten." : "Du står ikke på ventelisten.");
    }
    const reason = declinedOffer ? "Deltageren sagde nej tak til den tilbudte plads" : "Deltageren meldte sig af ventelisten";
    await tx.enrolment.update({
      where: { id: e.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, waitlistPosition: null, offerExpiresAt: null },
    });
    await audit(tx, {
      actorLabel: `participant:${e.id}`,
      action: declinedOffer ? "enrolment.offer_declined" : "enrolment.waitlist_left",
      entityType: "Enrolment",
      entityId: e.id,
      before: { status: e.status, waitlistPosition: e.waitlistPosition },
      after: { status: "CANCELLED" },
    });
    await mailWaitlistLeft(tx, e.id, declinedOffer);
    if (declinedOffer) await promoteFromWaitlist(tx, { cohortId: e.cohortId, now });
    return { declinedOffer };
  }, txOptions());
}

/**
 * The participant corrects their name, phone or job title from their link (GDPR art. 16), e.g. a
 * colleague whose details were given by the person who sent them. The link proves they read the mail
 * sent to this address, which a public form does not, so here the person record itself is changed.
 */
export async function updatePersonDetails(token: string, input: PersonDetailsInput) {
  return db.$transaction(async (tx) => {
    const e = await requireByToken(tx, token);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(e.status)) {
      throw new EnrolmentError("NOT_ALLOWED", "Tilmeldingen er ikke længere aktiv, så oplysningerne kan ikke rettes her. Kontakt os.");
    }
    const person = await tx.person.findUniqueOrThrow({ where: { id: e.personId } });
    const after = { name: input.name, phone: input.phone, jobTitle: input.jobTitle };
    await tx.person.update({ where: { id: person.id }, data: after });
    await audit(tx, {
      actorLabel: `participant:${e.id}`,
      action: "person.updated_by_participant",
      entityType: "Person",
      entityId: person.id,
      before: { name: person.name, phone: person.phone, jobTitle: person.jobTitle },
      after,
    });
  }, txOptions());
}
