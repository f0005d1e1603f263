import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { FormError } from "../errors";
import { composeMail, type Block } from "../mail/compose";
import { enqueueMail, type OutgoingMail } from "../mail/outbox";
import { formatDateTime } from "../time";
import { hashToken, newToken } from "../tokens";
import { lockForm, versionChain } from "./forms";

// Personal single-use invitations to answer a form, mailed through the outbox in the same transaction
// that creates them. Automatic ones go out when the form's sessions have ended; reminders once, after
// the form's number of days, to those who have not answered. Every step is safe in several app
// instances at once: forms and invitations are claimed with FOR UPDATE SKIP LOCKED.

/** Enrolments that count as participants of the cohort. */
const PARTICIPANT_STATUSES = ["CONFIRMED", "COMPLETED"] as const;

export function evaluationUrl(token: string): string {
  return new URL(`/evaluering/${token}`, env().APP_URL).toString();
}

interface MailContext {
  to: string;
  name: string;
  programmeTitle: string;
  cohortName: string;
  moduleTitle: string | null;
  formTitle: string;
  anonymous: boolean;
  closesAt: Date | null;
  providerName: string;
}

function what(c: MailContext) {
  return c.moduleTitle ? `${c.programmeTitle}, ${c.moduleTitle} (hold ${c.cohortName})` : `${c.programmeTitle}, hold ${c.cohortName}`;
}

/** An evaluation mail as text and HTML (../mail/compose.ts), sent in the programme provider's name. */
function evaluationMail(c: MailContext, m: { dedupeKey: string; subject: string; opening: string }, token: string): OutgoingMail {
  const privacy = c.anonymous
    ? "Besvarelsen er anonym: vi gemmer kun, at linket er brugt, ikke hvem der svarede hvad."
    : "Besvarelsen er ikke anonym: din besvarelse gemmes med dit navn.";
  const blocks: Block[] = [
    { p: `Kære ${c.name}` },
    { lead: m.opening, link: evaluationUrl(token), label: "Svar på evalueringen" },
    { p: `Linket er personligt og kan bruges én gang. ${privacy}` },
    ...(c.closesAt ? [{ p: `Du kan svare indtil ${formatDateTime(c.closesAt)}.` }] : []),
    { p: `Venlig hilsen\n${c.providerName}` },
  ];
  return { dedupeKey: m.dedupeKey, to: c.to, fromName: c.providerName, ...composeMail(m.subject, blocks) };
}

/** The form's title as a subject, without saying "Evaluering" twice ("Evaluering af Efterår 2027"). */
function subjectOf(title: string): string {
  return /^evaluering\b/i.test(title) ? title : `Evaluering: ${title}`;
}

export function invitationMail(c: MailContext, invitationId: string, token: string): OutgoingMail {
  return evaluationMail(c, {
    dedupeKey: `evaluation-invitation:${invitationId}`,
    subject: subjectOf(c.formTitle),
    opening: `Tak fordi du deltog i ${what(c)}. Vil du bruge fem minutter på at fortælle os, hvad du fik ud af det? Dine svar gør uddannelsen bedre for de næste hold.`,
  }, token);
}

export function reminderMail(c: MailContext, invitationId: string, token: string): OutgoingMail {
  return evaluationMail(c, {
    dedupeKey: `evaluation-reminder:${invitationId}`,
    subject: `Påmindelse: ${subjectOf(c.formTitle)}`,
    opening: `Vi mangler stadig dit svar på evalueringen af ${what(c)}. Det tager kun fem minutter, og både dette link og det fra den første mail virker.`,
  }, token);
}

async function mailContext(tx: Tx, formId: string) {
  const form = await tx.evaluationForm.findUniqueOrThrow({
    where: { id: formId },
    include: { module: { select: { title: true } }, cohort: { select: { name: true, programme: { select: { title: true, providerName: true } } } } },
  });
  return (to: string, name: string): MailContext => ({
    to, name,
    programmeTitle: form.cohort.programme.title,
    cohortName: form.cohort.name,
    moduleTitle: form.module?.title ?? null,
    formTitle: form.title,
    anonymous: form.anonymous,
    closesAt: form.closesAt,
    providerName: form.cohort.programme.providerName,
  });
}

/** Invites every participant not yet invited to this form or an earlier version of it, in `tx`. */
async function inviteInTx(tx: Tx, formId: string, now: Date): Promise<number> {
  const form = await tx.evaluationForm.findUniqueOrThrow({ where: { id: formId }, select: { cohortId: true, closesAt: true } });
  if (form.closesAt && form.closesAt <= now) throw new FormError("Svarfristen er overskredet. Ret svarfristen, før du inviterer.");
  if ((await tx.evaluationQuestion.count({ where: { formId } })) === 0) throw new FormError("Formularen har ingen spørgsmål. Tilføj spørgsmål, før du inviterer.");
  const chain = await versionChain(tx, formId);
  const enrolments = await tx.enrolment.findMany({
    where: {
      cohortId: form.cohortId,
      status: { in: [...PARTICIPANT_STATUSES] },
      evaluationInvitations: { none: { formId: { in: chain } } },
    },
    select: { id: true, person: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const context = await mailContext(tx, formId);
  for (const e of enrolments) {
    const token = newToken();
    const invitation = await tx.evaluationInvitation.create({ data: { formId, enrolmentId: e.id, tokenHash: hashToken(token), sentAt: now } });
    await enqueueMail(tx, invitationMail(context(e.person.email, e.person.name), invitation.id, token));
  }
  await tx.evaluationForm.update({ where: { id: formId }, data: { invitedAt: now } });
  return enrolments.length;
}

/** A coordinator's "invite now": invites the participants not yet invited. Returns how many. */
export async function inviteParticipants(formId: string, actorUserId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const form = await lockForm(tx, formId);
    if (form.superseded) throw new FormError("Denne version er afløst af en nyere. Invitér fra den nyeste version.");
    const count = await inviteInTx(tx, formId, now);
    await audit(tx, { actorUserId, action: "evaluation_form.invited", entityType: "EvaluationForm", entityId: formId, after: { invited: count } });
    return count;
  });
}

/**
 * Invites the participants of every form that invites automatically, has not invited yet, is still
 * open, has questions, and whose sessions (the module's, or all of the cohort's) have all ended since
 * the form was created.
 */
export async function sendDueInvitations(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT f.id FROM "EvaluationForm" f
      WHERE f."autoInvite" AND f."invitedAt" IS NULL
        AND (f."closesAt" IS NULL OR f."closesAt" > ${now})
        AND NOT EXISTS (SELECT 1 FROM "EvaluationForm" n WHERE n."supersedesId" = f.id)
        AND EXISTS (SELECT 1 FROM "EvaluationQuestion" q WHERE q."formId" = f.id)
        -- Due once the days have ended, but only for a form made before they ended: a form created
        -- afterwards is being prepared, and its coordinator invites when it is ready.
        AND (SELECT max(d."endsAt") FROM "SessionDay" d JOIN "Session" s ON s.id = d."sessionId"
             WHERE s."cohortId" = f."cohortId" AND (f."moduleId" IS NULL OR s."moduleId" = f."moduleId")) BETWEEN f."createdAt" AND ${now}
      ORDER BY f."createdAt"
      LIMIT 20
      FOR UPDATE OF f SKIP LOCKED`;
    let invited = 0;
    for (const { id } of due) {
      const count = await inviteInTx(tx, id, now);
      await audit(tx, { actorLabel: "system", action: "evaluation_form.invited", entityType: "EvaluationForm", entityId: id, after: { invited: count, automatic: true } });
      invited += count;
    }
    return invited;
  });
}

/** Gives one invitation its reminder: a second token (the first is only stored hashed) and a mail. */
async function remindInTx(tx: Tx, invitationIds: string[], now: Date): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const invitations = await tx.evaluationInvitation.findMany({
    where: { id: { in: invitationIds } },
    select: { id: true, formId: true, enrolment: { select: { person: { select: { name: true, email: true } } } } },
  });
  const contexts = new Map<string, Awaited<ReturnType<typeof mailContext>>>();
  for (const inv of invitations) {
    if (!contexts.has(inv.formId)) contexts.set(inv.formId, await mailContext(tx, inv.formId));
    const token = newToken();
    await tx.evaluationInvitation.update({ where: { id: inv.id }, data: { reminderTokenHash: hashToken(token), reminderSentAt: now } });
    await enqueueMail(tx, reminderMail(contexts.get(inv.formId)!(inv.enrolment.person.email, inv.enrolment.person.name), inv.id, token));
  }
  return invitations.length;
}

/** The one reminder, to every non-respondent whose invitation is older than the form's reminder days. */
export async function sendDueReminders(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT i.id FROM "EvaluationInvitation" i JOIN "EvaluationForm" f ON f.id = i."formId"
      WHERE i."usedAt" IS NULL AND i."reminderSentAt" IS NULL AND i."sentAt" IS NOT NULL
        AND i."sentAt" <= ${now}::timestamptz - make_interval(days => f."reminderAfterDays")
        AND (f."closesAt" IS NULL OR f."closesAt" > ${now})
      ORDER BY i."sentAt"
      LIMIT 200
      FOR UPDATE OF i SKIP LOCKED`;
    return remindInTx(tx, due.map((r) => r.id), now);
  });
}

/** A coordinator's "remind now": the one reminder to every non-respondent not reminded yet. */
export async function remindNow(formId: string, actorUserId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const form = await lockForm(tx, formId);
    if (form.superseded) throw new FormError("Denne version er afløst af en nyere.");
    if (form.closesAt && form.closesAt <= now) throw new FormError("Svarfristen er overskredet.");
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "EvaluationInvitation" WHERE "formId" = ${formId} AND "usedAt" IS NULL AND "reminderSentAt" IS NULL
      FOR UPDATE SKIP LOCKED`;
    const count = await remindInTx(tx, due.map((r) => r.id), now);
    await audit(tx, { actorUserId, action: "evaluation_form.reminded", entityType: "EvaluationForm", entityId: formId, after: { reminded: count } });
    return count;
  });
}
