import "server-only";
import { ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import { cohortMessageMail, recipients } from "./service";

// What the "Skriv til holdet" pages show: one named question each, permission applied inside.

/** A message with what its preview shows: the mail as the first recipient gets it, and who gets it. */
export async function messagePreview(user: StaffUser, cohortId: string, messageId: string) {
  ensurePermission(user, "cohort:update");
  const m = await db.cohortMessage.findFirst({
    where: { id: messageId, cohortId },
    include: { cohort: { select: { id: true, name: true, programme: { select: { title: true, providerName: true } } } } },
  });
  if (!m) return null;
  const people = await recipients(db, cohortId, m.includeWaitlist);
  const sample = cohortMessageMail(m, { enrolmentId: "preview", name: people[0]?.person.name ?? "[deltagerens navn]", email: "" }, m.cohort.programme.providerName);
  return { message: m, recipients: people, sample };
}

/** The cohort's messages, newest first, for its page. */
export function cohortMessages(user: StaffUser, cohortId: string) {
  ensurePermission(user, "cohort:update");
  return db.cohortMessage.findMany({ where: { cohortId, sentAt: { not: null } }, orderBy: { sentAt: "desc" }, take: 20, select: { id: true, subject: true, sentAt: true, recipientCount: true } });
}

/** What the compose page shows of the cohort. */
export async function cohortForMessages(user: StaffUser, cohortId: string) {
  ensurePermission(user, "cohort:update");
  const c = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, programme: { select: { title: true } } } });
  if (!c) return null;
  return { ...c, waitlisted: await db.enrolment.count({ where: { cohortId, status: "WAITLISTED" } }) };
}

/** A draft to edit again ("Ret beskeden"); a sent message is copied, not changed. */
export function draftOf(user: StaffUser, cohortId: string, messageId: string) {
  ensurePermission(user, "cohort:update");
  return db.cohortMessage.findFirst({ where: { id: messageId, cohortId }, select: { subject: true, body: true, includeWaitlist: true } });
}
