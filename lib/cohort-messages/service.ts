import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { txOptions } from "../db/bounded";
import { SEAT_STATUSES } from "../enrolment/seat";
import { FormError } from "../errors";
import { composeMail, type Block } from "../mail/compose";
import { enqueueMail, type OutgoingMail } from "../mail/outbox";
import type { CohortMessageInput } from "./schemas";

// A coordinator's mail to a cohort: saved as a draft, previewed exactly as it will be sent, then sent
// through the outbox, one message per recipient. The draft is claimed when it is sent, and every
// message's dedupeKey names the draft and the enrolment, so a double submit sends each person one mail.

const recipientStatuses = (includeWaitlist: boolean) => [...SEAT_STATUSES, ...(includeWaitlist ? (["WAITLISTED"] as const) : [])];

export async function recipients(tx: Tx, cohortId: string, includeWaitlist: boolean) {
  return tx.enrolment.findMany({
    where: { cohortId, status: { in: recipientStatuses(includeWaitlist) }, person: { anonymisedAt: null } },
    select: { id: true, status: true, person: { select: { name: true, email: true } } },
    orderBy: { person: { name: "asc" } },
  });
}

/** The mail one recipient gets. */
export function cohortMessageMail(m: { id: string; subject: string; body: string }, to: { enrolmentId: string; name: string; email: string }, sender: string): OutgoingMail {
  const blocks: Block[] = [
    { p: `Kære ${to.name}` },
    ...m.body.split(/\n{2,}/).map((p): Block => ({ p: p.trim() })),
    { p: `Venlig hilsen\n${sender}` },
  ];
  return { dedupeKey: `cohort-message:${m.id}:${to.enrolmentId}`, to: to.email, fromName: sender, ...composeMail(m.subject, blocks) };
}

/** Saves a draft for the preview. */
export async function createDraft(cohortId: string, input: CohortMessageInput, actorUserId: string) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true } });
  if (!cohort) throw new FormError("Holdet findes ikke.");
  return db.cohortMessage.create({ data: { cohortId, subject: input.subject, body: input.body, includeWaitlist: input.includeWaitlist, createdById: actorUserId } });
}

/** Sends a draft to the cohort's seat holders (and waitlist, if chosen). A second send of the same draft does nothing. */
export async function sendMessage(cohortId: string, messageId: string, actorUserId: string, now = new Date()): Promise<{ sent: number; already: boolean }> {
  return db.$transaction(async (tx) => {
    const m = await tx.cohortMessage.findFirst({ where: { id: messageId, cohortId }, include: { cohort: { select: { programme: { select: { providerName: true } } } } } });
    if (!m) throw new FormError("Beskeden findes ikke.");
    const people = await recipients(tx, cohortId, m.includeWaitlist);
    const claimed = await tx.cohortMessage.updateMany({ where: { id: m.id, sentAt: null }, data: { sentAt: now, recipientCount: people.length } });
    if (claimed.count === 0) return { sent: m.recipientCount, already: true };
    if (people.length === 0) throw new FormError("Holdet har ingen modtagere af beskeden.");
    for (const e of people) await enqueueMail(tx, cohortMessageMail(m, { enrolmentId: e.id, name: e.person.name, email: e.person.email }, m.cohort.programme.providerName));
    await audit(tx, {
      actorUserId,
      action: "cohort.message_sent",
      entityType: "Cohort",
      entityId: cohortId,
      after: { subject: m.subject, includeWaitlist: m.includeWaitlist, recipients: people.length },
    });
    return { sent: people.length, already: false };
  }, txOptions());
}

