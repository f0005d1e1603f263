import "server-only";
import path from "node:path";
import { audit } from "../audit";
import { can } from "../auth/permissions";
import { db, type Tx } from "../db";
import { env } from "../env";
import { FormError } from "../errors";
import { removeMailFiles } from "../mail/files";
import type { Prisma } from "../generated/prisma/client";
import { toState } from "../workspace/state";
import { anonymisePeople, cohortEnds, scrubEnrolments } from "./anonymise";

// A data subject's rights for the admin: find a person by e-mail, export everything stored about
// them (access, art. 15) and erase them (art. 17) by the same rules as the retention run, keeping
// what bookkeeping requires. Every function checks the acting user itself, not only the caller:
// the user is re-read from the database, so a role change or a disabled account counts at once.

/** Thrown when the acting user may not manage personal data. */
export class PrivacyAccessError extends Error {
  constructor() {
    super("Kun administratorer må se, udlevere og slette oplysninger om personer.");
    this.name = "PrivacyAccessError";
  }
}

const ACTIVE = ["PENDING", "CONFIRMED", "WAITLISTED"] as const;

async function authorise(client: Tx, actorUserId: string): Promise<void> {
  const u = await client.user.findUnique({ where: { id: actorUserId }, select: { role: true, disabledAt: true } });
  if (!u || u.disabledAt || !can(u.role, "person:manage")) throw new PrivacyAccessError();
}

/**
 * Prisma passes these filters to PostgreSQL as (I)LIKE patterns without escaping them, and "_" is
 * common in addresses: unescaped, anne_marie@… would also export and erase anne.marie@…'s mails.
 */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, "\\$&");
/** Mail and rate-limit rows are keyed by address, not by person id. */
const mailWhere = (email: string): Prisma.OutboxMessageWhereInput => ({ toAddress: { equals: likeLiteral(email), mode: "insensitive" } });
const rateLimitWhere = (email: string): Prisma.RateLimitBucketWhereInput => ({ key: { endsWith: `:${likeLiteral(email)}` } });
const auditWhere = (personId: string, enrolmentIds: string[]): Prisma.AuditLogWhereInput => ({
  OR: [
    { entityType: "Person", entityId: personId },
    { entityType: "Enrolment", entityId: { in: enrolmentIds } },
  ],
});

/** The person found by e-mail (or id), their enrolments and how much else is stored about them. */
export async function findPerson(actorUserId: string, by: { email: string } | { id: string }) {
  await authorise(db, actorUserId);
  const person = await db.person.findUnique({
    where: "email" in by ? { email: by.email.trim().toLowerCase() } : { id: by.id },
    include: {
      organisation: { select: { name: true } },
      enrolments: {
        include: { cohort: { select: { name: true, programme: { select: { title: true } } } }, organisation: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!person) return null;
  const enrolmentIds = person.enrolments.map((e) => e.id);
  const [attendance, evaluationInvitations, mails, auditEntries, rateLimits] = await Promise.all([
    db.attendance.count({ where: { enrolmentId: { in: enrolmentIds } } }),
    db.evaluationInvitation.count({ where: { enrolmentId: { in: enrolmentIds } } }),
    db.outboxMessage.count({ where: mailWhere(person.email) }),
    db.auditLog.count({ where: auditWhere(person.id, enrolmentIds) }),
    db.rateLimitBucket.count({ where: rateLimitWhere(person.email) }),
  ]);
  return { person, counts: { attendance, evaluationInvitations, mails, auditEntries, rateLimits } };
}

export type PersonOverview = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * Everything stored about the person, as plain JSON for a download, and an audit entry that says it
 * was exported (ids and counts only). Token hashes are left out: they open nothing once exported and
 * are only there to check links; whether a link is live is said instead.
 */
export async function exportPerson(actorUserId: string, personId: string, now = new Date()) {
  await authorise(db, actorUserId);
  const person = await db.person.findUnique({
    where: { id: personId },
    include: {
      organisation: { select: { id: true, name: true, cvr: true, ean: true } },
      enrolments: {
        orderBy: { createdAt: "asc" },
        include: {
          organisation: { select: { id: true, name: true } },
          cohort: { select: { id: true, name: true, programme: { select: { title: true } } } },
          attendance: { include: { sessionDay: { select: { startsAt: true, endsAt: true } } }, orderBy: { sessionDay: { startsAt: "asc" } } },
          certificate: { select: { code: true, issuedAt: true, revokedAt: true } },
          moduleReminders: { select: { sentAt: true, session: { select: { module: { select: { position: true, title: true } } } } } },
          workspaces: { include: { items: true, shares: true }, orderBy: { createdAt: "asc" } },
          evaluationInvitations: {
            include: {
              form: { select: { title: true, anonymous: true } },
              response: { include: { answers: { include: { question: { select: { key: true, prompt: true } } } } } },
            },
          },
        },
      },
    },
  });
  if (!person) return null;
  const enrolmentIds = person.enrolments.map((e) => e.id);
  const mails = await db.outboxMessage.findMany({ where: mailWhere(person.email), orderBy: { createdAt: "asc" } });
  const auditEntries = await db.auditLog.findMany({ where: auditWhere(person.id, enrolmentIds), orderBy: { createdAt: "asc" } });
  const rateLimits = await db.rateLimitBucket.findMany({ where: rateLimitWhere(person.email) });

  const data = {
    format: "stillads-person-export/1",
    exportedAt: now.toISOString(),
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      phone: person.phone,
      jobTitle: person.jobTitle,
      organisation: person.organisation,
      anonymisedAt: person.anonymisedAt,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    },
    enrolments: person.enrolments.map(({ manageTokenHash, idempotencyKey, attendance, evaluationInvitations, workspaces, ...e }) => ({
      ...e,
      workspaces: workspaces.map((w) => ({
        ...toState(w, w.items),
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
        sharedWithTeachersAt: w.sharedWithTeachersAt,
        snapshotAt: w.snapshotAt,
        snapshot: w.snapshot,
        sharedWithColleagues: w.shares.map((sh) => ({ name: sh.colleagueName, email: sh.colleagueEmail, sharedAt: sh.createdAt, revokedAt: sh.revokedAt })),
      })),
      manageLinkActive: manageTokenHash !== null,
      submittedWithRetryKey: idempotencyKey !== null,
      attendance: attendance.map((a) => ({ day: a.sessionDay.startsAt, endsAt: a.sessionDay.endsAt, status: a.status, note: a.note, recordedAt: a.updatedAt })),
      evaluationInvitations: evaluationInvitations.map((i) => ({
        form: i.form.title,
        anonymous: i.form.anonymous,
        sentAt: i.sentAt,
        reminderSentAt: i.reminderSentAt,
        usedAt: i.usedAt,
        // Only a named form's response is linked to the invitation; an anonymous one cannot be found.
        response: i.response
          ? {
              submittedAt: i.response.submittedAt,
              answers: i.response.answers.map((a) => ({ question: a.question.prompt, key: a.question.key, scaleValue: a.scaleValue, choice: a.choice, text: a.text })),
            }
          : null,
      })),
    })),
    mails: mails.map((m) => ({
      subject: m.subject,
      status: m.status,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      text: m.textBody,
      attachments: Array.isArray(m.attachments) ? m.attachments.map((a) => (a as { filename?: string }).filename ?? null) : [],
    })),
    auditLog: auditEntries.map((a) => ({
      at: a.createdAt,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      // Staff are named by role, not by name: the export is for the person, not about the staff.
      actor: a.actorUserId ? "medarbejder" : a.actorLabel,
      before: a.before,
      after: a.after,
    })),
    rateLimits: rateLimits.map((r) => ({ key: r.key, windowStart: r.windowStart, count: r.count })),
  };
  // Prisma loads the nested relations above in parallel, which a transaction's single connection
  // does not like; the reads need no snapshot, so only the audit entry is written (and must succeed)
  // before anything is handed out.
  await audit(db, {
    actorUserId,
    action: "person.exported",
    entityType: "Person",
    entityId: person.id,
    after: { enrolments: data.enrolments.length, mails: data.mails.length, auditEntries: data.auditLog.length },
  });
  return data;
}

export type PersonExport = NonNullable<Awaited<ReturnType<typeof exportPerson>>>;

/**
 * Erases a person on request: anonymised by the retention rules (./anonymise.ts), invoicing records
 * kept; their mails (outbox rows and .eml files in MAIL_DIR) and rate-limit counters deleted now rather
 * than when their short periods end.
 * Refused while the person holds a seat or waitlist place on a cohort that has not ended: cancel
 * that first, so the cohort's seats and mails stay right. Audited with ids and counts only.
 */
export async function erasePerson(actorUserId: string, personId: string, confirmEmail: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    await authorise(tx, actorUserId);
    const person = await tx.person.findUnique({ where: { id: personId }, include: { enrolments: { select: { id: true, status: true, cohortId: true } } } });
    if (!person) throw new FormError("Personen findes ikke.");
    if (person.anonymisedAt) throw new FormError("Personen er allerede anonymiseret.");
    if (confirmEmail.trim().toLowerCase() !== person.email) {
      throw new FormError("Ret de markerede felter.", { confirmEmail: "Skriv personens e-mail præcis, som den står ovenfor" });
    }
    const active = person.enrolments.filter((e) => (ACTIVE as readonly string[]).includes(e.status));
    const ended = await cohortEnds(tx, { cohortIds: active.map((e) => e.cohortId) });
    const blocking = active.filter((e) => !(ended.get(e.cohortId)! < now));
    if (blocking.length > 0) {
      throw new FormError(
        `Personen har ${blocking.length === 1 ? "en aktiv tilmelding" : `${blocking.length} aktive tilmeldinger`} til hold, der ikke er afsluttet. Annullér ${blocking.length === 1 ? "den" : "dem"} først.`,
      );
    }
    const scrub = await scrubEnrolments(tx, person.enrolments.map((e) => e.id));
    const outboxIds = (await tx.outboxMessage.findMany({ where: mailWhere(person.email), select: { id: true } })).map((m) => m.id);
    const mails = (await tx.outboxMessage.deleteMany({ where: { id: { in: outboxIds } } })).count;
    // The .eml copies the file transport wrote (no SMTP configured), by row and by recipient.
    const mailFiles = await removeMailFiles(path.resolve(env().MAIL_DIR), { outboxIds, address: person.email });
    const rateLimits = (await tx.rateLimitBucket.deleteMany({ where: rateLimitWhere(person.email) })).count;
    await anonymisePeople(tx, [person.id], now);
    const counts = { ...scrub, mails, mailFiles, rateLimits };
    await audit(tx, { actorUserId, action: "person.erased", entityType: "Person", entityId: person.id, after: counts });
    return counts;
  });
}
