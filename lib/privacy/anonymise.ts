// What anonymising a participant means, shared by the retention run and the admin's erase so both
// follow the same rules. Not "server-only": `npm run retention` runs it outside Next.js with its own
// client. Every step has its own "is there anything left to remove" condition, so counting (dry run)
// and changing (apply) select exactly the same rows, and a second run finds nothing.
import { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Enrolment fields that are about the person and are cleared. What invoicing needs stays: cohort,
 * organisation, status, price and VAT, EAN/CVR, order/reference number, billing name and address, and
 * the dates (enrolled, terms accepted, confirmed, cancelled, completed). The att. field names a person
 * and goes, and so does the e-mail a PDF invoice went to (an issued invoice keeps its own copy); the reference number is what a public buyer's e-invoice is matched on. The manage-link
 * hash and idempotency key go so that no old link or retry can reach the enrolment again.
 */
export const ENROLMENT_PERSONAL_FIELDS = [
  "invoiceAttention",
  "invoiceEmail",
  "dietaryNeeds",
  "accessibilityNeeds",
  "cancellationRequestReason",
  "cancelReason",
  "internalNotes",
  "manageTokenHash",
  "idempotencyKey",
] as const satisfies ReadonlyArray<keyof Prisma.EnrolmentUpdateManyMutationInput>;

const CLEARED_ENROLMENT = Object.fromEntries(ENROLMENT_PERSONAL_FIELDS.map((f) => [f, null])) as Prisma.EnrolmentUpdateManyMutationInput;

/** The placeholders an anonymised person keeps (name and e-mail are required; e-mail is unique). */
export function anonymisedPerson(personId: string, now: Date) {
  return {
    name: "Anonymiseret",
    email: `anonymiseret-${personId}@anonymiseret.invalid`.toLowerCase(),
    phone: null,
    jobTitle: null,
    organisationId: null,
    anonymisedAt: now,
  } satisfies Prisma.PersonUncheckedUpdateInput;
}

/** Splits id lists so no statement carries more bind parameters than PostgreSQL accepts. */
export function chunks<T>(items: readonly T[], size = 5_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sum(ids: readonly string[], step: (chunk: string[]) => Promise<number>): Promise<number> {
  let n = 0;
  for (const c of chunks(ids)) n += await step(c);
  return n;
}

const hasPayload = [{ before: { not: Prisma.DbNull } }, { after: { not: Prisma.DbNull } }];

const where = {
  enrolments: (ids: string[]): Prisma.EnrolmentWhereInput => ({
    id: { in: ids },
    OR: ENROLMENT_PERSONAL_FIELDS.map((f) => ({ [f]: { not: null } })),
  }),
  attendanceNotes: (ids: string[]): Prisma.AttendanceWhereInput => ({ enrolmentId: { in: ids }, note: { not: null } }),
  // A response to a named form loses its link to the person when its invitation goes (SetNull).
  evaluationInvitations: (ids: string[]): Prisma.EvaluationInvitationWhereInput => ({ enrolmentId: { in: ids } }),
  // The entry stays (who did what, when); what it said about the participant goes.
  auditEntries: (ids: string[]): Prisma.AuditLogWhereInput => ({ entityType: "Enrolment", entityId: { in: ids }, OR: hasPayload }),
  // The participant's implementeringsstilladser are theirs alone: they go whole (items and colleague
  // links with them), with the links minted for mails; their audit entries keep only who and when.
  workspaces: (ids: string[]): Prisma.WorkspaceWhereInput => ({ enrolmentId: { in: ids } }),
  workspaceLinks: (ids: string[]): Prisma.WorkspaceLinkWhereInput => ({ enrolmentId: { in: ids } }),
  workspaceAuditEntries: (ids: string[]): Prisma.AuditLogWhereInput => ({ entityType: "Workspace", actorLabel: { in: ids.map((id) => `participant:${id}`) }, OR: hasPayload }),
};

export interface ScrubCounts {
  enrolments: number;
  attendanceNotes: number;
  evaluationInvitations: number;
  auditEntries: number;
  workspaces: number;
  workspaceAuditEntries: number;
}

/** How many rows scrubbing these enrolments would change. */
export async function countEnrolmentScrub(tx: Tx, enrolmentIds: readonly string[]): Promise<ScrubCounts> {
  return {
    enrolments: await sum(enrolmentIds, (c) => tx.enrolment.count({ where: where.enrolments(c) })),
    attendanceNotes: await sum(enrolmentIds, (c) => tx.attendance.count({ where: where.attendanceNotes(c) })),
    evaluationInvitations: await sum(enrolmentIds, (c) => tx.evaluationInvitation.count({ where: where.evaluationInvitations(c) })),
    auditEntries: await sum(enrolmentIds, (c) => tx.auditLog.count({ where: where.auditEntries(c) })),
    workspaces: await sum(enrolmentIds, (c) => tx.workspace.count({ where: where.workspaces(c) })),
    workspaceAuditEntries: await sum(enrolmentIds, (c) => tx.auditLog.count({ where: where.workspaceAuditEntries(c) })),
  };
}

/**
 * Removes what these enrolments hold about the person, keeping the invoicing record: personal fields,
 * attendance notes (the attendance itself stays), evaluation invitations, implementeringsstilladser,
 * audit entries' payloads.
 */
export async function scrubEnrolments(tx: Tx, enrolmentIds: readonly string[]): Promise<ScrubCounts> {
  return {
    enrolments: await sum(enrolmentIds, async (c) => (await tx.enrolment.updateMany({ where: where.enrolments(c), data: CLEARED_ENROLMENT })).count),
    attendanceNotes: await sum(enrolmentIds, async (c) => (await tx.attendance.updateMany({ where: where.attendanceNotes(c), data: { note: null } })).count),
    evaluationInvitations: await sum(enrolmentIds, async (c) => (await tx.evaluationInvitation.deleteMany({ where: where.evaluationInvitations(c) })).count),
    auditEntries: await sum(
      enrolmentIds,
      async (c) => (await tx.auditLog.updateMany({ where: where.auditEntries(c), data: { before: Prisma.DbNull, after: Prisma.DbNull } })).count,
    ),
    workspaces: await sum(enrolmentIds, async (c) => {
      await tx.workspaceLink.deleteMany({ where: where.workspaceLinks(c) });
      return (await tx.workspace.deleteMany({ where: where.workspaces(c) })).count;
    }),
    workspaceAuditEntries: await sum(
      enrolmentIds,
      async (c) => (await tx.auditLog.updateMany({ where: where.workspaceAuditEntries(c), data: { before: Prisma.DbNull, after: Prisma.DbNull } })).count,
    ),
  };
}

/**
 * Replaces the people's name and e-mail with placeholders and clears phone, job title and employer.
 * `stillIf` is checked again per person as it is updated (e.g. "no enrolment on a newer cohort"), for
 * a person who enrolled again since the caller looked. Returns how many were anonymised.
 */
export async function anonymisePeople(tx: Tx, personIds: readonly string[], now: Date, stillIf: Prisma.PersonWhereInput = {}): Promise<number> {
  let n = 0;
  // One update per person: the placeholder e-mail is unique to each.
  for (const id of personIds) n += (await tx.person.updateMany({ where: { ...stillIf, id, anonymisedAt: null }, data: anonymisedPerson(id, now) })).count;
  return n;
}

/** When each cohort ended: its last session day's end, or its enrolment deadline when it has no days. */
export async function cohortEnds(tx: Tx, opts: { endedBefore?: Date; cohortIds?: readonly string[] } = {}): Promise<Map<string, Date>> {
  if (opts.cohortIds?.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ id: string; endedAt: Date }>>`
    SELECT c.id, COALESCE(MAX(d."endsAt"), c."enrolmentClosesAt") AS "endedAt"
    FROM "Cohort" c
    LEFT JOIN "Session" s ON s."cohortId" = c.id
    LEFT JOIN "SessionDay" d ON d."sessionId" = s.id
    WHERE ${opts.cohortIds ? Prisma.sql`c.id IN (${Prisma.join([...opts.cohortIds])})` : Prisma.sql`TRUE`}
    GROUP BY c.id
    HAVING ${opts.endedBefore ? Prisma.sql`COALESCE(MAX(d."endsAt"), c."enrolmentClosesAt") < ${opts.endedBefore}` : Prisma.sql`TRUE`}`;
  return new Map(rows.map((r) => [r.id, new Date(r.endedAt)]));
}
