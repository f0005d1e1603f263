import "server-only";
import { db, type Tx } from "../db";
import { txOptions } from "../db/bounded";
import { loadEnrolmentDetails } from "../enrolment/details";
import { furtherManageLink } from "../enrolment/links";
import { enqueueMail } from "../mail/outbox";
import { moduleReminderMail, sessionChangedMail } from "./mails";

// Reminders before each module, and updates when a module's time or place changes, for everyone who
// holds a confirmed seat (they have the calendar). Run by the jobs; idempotent per (enrolment, module).

const WITH_CALENDAR = ["CONFIRMED", "COMPLETED"] as const;
/** The longest reminder lead the programme form allows; sessions further ahead are not even read. */
export const MAX_REMINDER_DAYS = 60;
const DAY_MS = 86_400_000;

async function nextSequence(tx: Tx, enrolmentId: string): Promise<number> {
  const e = await tx.enrolment.update({ where: { id: enrolmentId }, data: { calendarSequence: { increment: 1 } }, select: { calendarSequence: true } });
  return e.calendarSequence;
}

/**
 * Sends the reminder for every module whose first day is within its programme's reminderDaysBefore
 * (and still ahead), once per enrolment and module: the ModuleReminder row is claimed in the same
 * transaction that writes the mail. The mail carries a further personal link (lib/enrolment/links.ts):
 * the link in the confirmation and earlier mails keeps working.
 */
export async function sendDueModuleReminders(now = new Date(), batch = 50): Promise<number> {
  const firstDays = await db.sessionDay.groupBy({
    by: ["sessionId"],
    _min: { startsAt: true },
    having: { startsAt: { _min: { gt: now, lte: new Date(now.getTime() + MAX_REMINDER_DAYS * DAY_MS) } } },
  });
  let sent = 0;
  for (const f of firstDays) {
    const session = await db.session.findUniqueOrThrow({ where: { id: f.sessionId }, select: { id: true, cohortId: true, cohort: { select: { status: true, programme: { select: { reminderDaysBefore: true } } } } } });
    if (session.cohort.status === "DRAFT") continue;
    const due = f._min.startsAt!.getTime() - session.cohort.programme.reminderDaysBefore * DAY_MS <= now.getTime();
    if (!due) continue;
    const pending = await db.enrolment.findMany({
      where: { cohortId: session.cohortId, status: { in: [...WITH_CALENDAR] }, moduleReminders: { none: { sessionId: session.id } } },
      select: { id: true },
      take: batch,
    });
    for (const e of pending) {
      const done = await db.$transaction(async (tx) => {
        const claimed = await tx.moduleReminder.createMany({ data: [{ enrolmentId: e.id, sessionId: session.id, sentAt: now }], skipDuplicates: true });
        if (claimed.count === 0) return false;
        const token = await furtherManageLink(tx, e.id);
        const sequence = await nextSequence(tx, e.id);
        const d = await loadEnrolmentDetails(tx, e.id);
        await enqueueMail(tx, moduleReminderMail(d, d.cohort.sessions.find((s) => s.id === session.id)!, token, sequence));
        return true;
      }, txOptions());
      if (done) sent++;
    }
  }
  return sent;
}

/**
 * After a module's days, venue or room changed (inside that transaction): every seat holder of the
 * cohort gets the new details and an updated calendar (same UIDs, higher SEQUENCE).
 */
export async function mailSessionChanged(tx: Tx, sessionId: string) {
  const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { cohortId: true } });
  const people = await tx.enrolment.findMany({ where: { cohortId: session.cohortId, status: { in: [...WITH_CALENDAR] } }, select: { id: true } });
  for (const e of people) {
    const sequence = await nextSequence(tx, e.id);
    const d = await loadEnrolmentDetails(tx, e.id);
    await enqueueMail(tx, sessionChangedMail(d, d.cohort.sessions.find((s) => s.id === sessionId)!, sequence));
  }
  return people.length;
}
