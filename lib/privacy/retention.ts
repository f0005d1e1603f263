// The retention run: applies the periods in ./policy.ts to the database. A dry run counts what would
// be anonymised or deleted per class; applying does exactly that in one transaction and records it in
// the audit log. Counts only, never personal data, so the report is safe to print and to audit.
// Not "server-only": `npm run retention` (scripts/retention.ts) runs it with its own client.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { anonymisePeople, chunks, cohortEnds, countEnrolmentScrub, scrubEnrolments, type ScrubCounts } from "./anonymise";
import { auditCutoff, invoicingCutoff, mailCutoff, participantCutoff, rateLimitCutoff } from "./policy";
import { localDateIso } from "../time";

type Tx = Prisma.TransactionClient;

export interface RetentionReport {
  now: string;
  applied: boolean;
  /** Cohorts that ended before `cutoff`: their participants are anonymised, invoicing data kept. */
  participantData: { cutoff: string; persons: number } & ScrubCounts;
  /** Cohorts that ended before `cutoff`: their enrolments are deleted, and people left with none. */
  invoicingData: { cutoff: string; enrolments: number; persons: number; invoices: number };
  auditLog: { cutoff: string; entries: number };
  mail: { cutoff: string; messages: number };
  rateLimits: { cutoff: string; buckets: number };
}

interface Plan {
  participantCohortIds: string[];
  scrubEnrolmentIds: string[];
  anonymisePersonIds: string[];
  deleteEnrolmentIds: string[];
  deletePersonIds: string[];
  cutoffs: { participant: Date; invoicing: Date; audit: Date; mail: Date; rateLimit: Date };
}

const outboxWhere = (cutoff: Date): Prisma.OutboxMessageWhereInput => ({
  OR: [
    { status: "SENT", sentAt: { lt: cutoff } },
    { status: "FAILED", updatedAt: { lt: cutoff } },
  ],
});

async function plan(tx: Tx, now: Date): Promise<Plan> {
  const cutoffs = { participant: participantCutoff(now), invoicing: invoicingCutoff(now), audit: auditCutoff(now), mail: mailCutoff(now), rateLimit: rateLimitCutoff(now) };
  const ended = await cohortEnds(tx, { endedBefore: cutoffs.participant });
  const participantCohorts = [...ended.keys()];
  const invoicingCohorts = [...ended].filter(([, at]) => at < cutoffs.invoicing).map(([id]) => id);
  const invoicingSet = new Set(invoicingCohorts);

  const enrolments: Array<{ id: string; cohortId: string }> = [];
  for (const c of chunks(participantCohorts)) enrolments.push(...(await tx.enrolment.findMany({ where: { cohortId: { in: c } }, select: { id: true, cohortId: true } })));
  // Each class is judged by its own rule: an enrolment past the invoicing rule is also past the
  // participant rule, so it is scrubbed (its audit payloads included) and then deleted.
  const scrubEnrolmentIds = enrolments.map((e) => e.id);
  const deleteEnrolmentIds = enrolments.filter((e) => invoicingSet.has(e.cohortId)).map((e) => e.id);

  // People whose every enrolment is in a cohort past the participant rule (or who have none and were
  // created before it). `every` holds for no enrolments at all, hence the extra condition.
  const candidates = await tx.person.findMany({
    where: {
      enrolments: { every: { cohortId: { in: participantCohorts } } },
      OR: [{ enrolments: { some: {} } }, { createdAt: { lt: cutoffs.participant } }, { anonymisedAt: { not: null } }],
    },
    select: { id: true, anonymisedAt: true, enrolments: { select: { cohortId: true } } },
  });
  const anonymisePersonIds = candidates.filter((p) => !p.anonymisedAt).map((p) => p.id);
  // Left with no enrolments once the invoicing rule has run: nothing to keep them for.
  const deletePersonIds = candidates.filter((p) => p.enrolments.every((e) => invoicingSet.has(e.cohortId))).map((p) => p.id);
  return { participantCohortIds: participantCohorts, scrubEnrolmentIds, anonymisePersonIds, deleteEnrolmentIds, deletePersonIds, cutoffs };
}

/**
 * Invoices issued before the cutoff. issueDate is a calendar date: compare it with the cutoff's date in
 * Copenhagen (a timestamp would be cut to its UTC date, the day before).
 */
function invoiceWhere(cutoff: Date) {
  return { issueDate: { lt: new Date(`${localDateIso(cutoff)}T00:00:00Z`) } };
}

interface Counts {
  anonymised: number;
  deletedEnrolments: number;
  deletedPersons: number;
  invoices: number;
  audit: number;
  mail: number;
  rateLimits: number;
}

function report(now: Date, p: Plan, applied: boolean, scrub: ScrubCounts, counts: Counts): RetentionReport {
  return {
    now: now.toISOString(),
    applied,
    participantData: { cutoff: p.cutoffs.participant.toISOString(), persons: counts.anonymised, ...scrub },
    invoicingData: { cutoff: p.cutoffs.invoicing.toISOString(), enrolments: counts.deletedEnrolments, persons: counts.deletedPersons, invoices: counts.invoices },
    auditLog: { cutoff: p.cutoffs.audit.toISOString(), entries: counts.audit },
    mail: { cutoff: p.cutoffs.mail.toISOString(), messages: counts.mail },
    rateLimits: { cutoff: p.cutoffs.rateLimit.toISOString(), buckets: counts.rateLimits },
  };
}

/** What a run at `now` would anonymise and delete. Changes nothing. */
export async function retentionDryRun(client: PrismaClient | Tx, now = new Date()): Promise<RetentionReport> {
  const p = await plan(client, now);
  return report(now, p, false, await countEnrolmentScrub(client, p.scrubEnrolmentIds), {
    anonymised: p.anonymisePersonIds.length,
    deletedEnrolments: p.deleteEnrolmentIds.length,
    deletedPersons: p.deletePersonIds.length,
    invoices: await client.invoice.count({ where: invoiceWhere(p.cutoffs.invoicing) }),
    audit: await client.auditLog.count({ where: { createdAt: { lt: p.cutoffs.audit } } }),
    mail: await client.outboxMessage.count({ where: outboxWhere(p.cutoffs.mail) }),
    rateLimits: await client.rateLimitBucket.count({ where: { windowStart: { lt: p.cutoffs.rateLimit } } }),
  });
}

/**
 * Anonymises and deletes what the periods say, all in one transaction, and writes one audit entry
 * with the counts. `actorLabel` says who ran it (the CLI passes "system:retention").
 */
export async function applyRetention(client: PrismaClient, now = new Date(), actorLabel = "system:retention"): Promise<RetentionReport> {
  return client.$transaction(
    async (tx) => {
      const p = await plan(tx, now);
      const scrub = await scrubEnrolments(tx, p.scrubEnrolmentIds);
      // Someone who enrolled on a new cohort since the plan was made keeps their name.
      const anonymised = await anonymisePeople(tx, p.anonymisePersonIds, now, { enrolments: { every: { cohortId: { in: p.participantCohortIds } } } });

      for (const c of chunks(p.deleteEnrolmentIds)) {
        // A substitution points at the enrolment it replaced (onDelete Restrict); both go together.
        await tx.enrolment.updateMany({ where: { replacesId: { in: c } }, data: { replacesId: null } });
      }
      // Invoices and credit notes are accounting records: kept for the invoicing period counted from the
      // end of the financial year they were issued in, whatever happens to the enrolments they billed.
      const invoices = (await tx.invoice.deleteMany({ where: invoiceWhere(p.cutoffs.invoicing) })).count;
      let deletedEnrolments = 0;
      let deletedPersons = 0;
      // Attendance and evaluation invitations go with their enrolment (onDelete Cascade).
      for (const c of chunks(p.deleteEnrolmentIds)) deletedEnrolments += (await tx.enrolment.deleteMany({ where: { id: { in: c } } })).count;
      for (const c of chunks(p.deletePersonIds)) deletedPersons += (await tx.person.deleteMany({ where: { id: { in: c }, enrolments: { none: {} } } })).count;

      const audit = (await tx.auditLog.deleteMany({ where: { createdAt: { lt: p.cutoffs.audit } } })).count;
      const mail = (await tx.outboxMessage.deleteMany({ where: outboxWhere(p.cutoffs.mail) })).count;
      const rateLimits = (await tx.rateLimitBucket.deleteMany({ where: { windowStart: { lt: p.cutoffs.rateLimit } } })).count;

      const result = report(now, p, true, scrub, { anonymised, deletedEnrolments, deletedPersons, invoices, audit, mail, rateLimits });
      const counts = { participantData: result.participantData, invoicingData: result.invoicingData, auditLog: result.auditLog, mail: result.mail, rateLimits: result.rateLimits };
      await tx.auditLog.create({
        // Written here rather than through lib/audit.ts, which is server-only; same shape.
        data: { actorLabel, action: "retention.applied", entityType: "Retention", entityId: now.toISOString(), after: counts as unknown as Prisma.InputJsonValue },
      });
      return result;
    },
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}
