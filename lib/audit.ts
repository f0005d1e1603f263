import "server-only";
import type { Prisma } from "./generated/prisma/client";
import type { Tx } from "./db";

export interface AuditEntry {
  /** The staff user who acted, when it was one. */
  actorUserId?: string | null;
  /** Who acted otherwise: "applicant", "participant:<enrolmentId>", "system". */
  actorLabel?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** The actor of an entry: the staff user who acted, or else `label` (a job or rule: "system"). */
export function actor(actorUserId: string | null | undefined, label = "system"): Pick<AuditEntry, "actorUserId" | "actorLabel"> {
  return actorUserId ? { actorUserId, actorLabel: null } : { actorUserId: null, actorLabel: label };
}

/**
 * Records a mutation in the audit log, inside the caller's transaction so both land or neither. The
 * entity's current name is stored with the entry by a database trigger (entityLabel), so the log
 * shows names as they were at the time.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId ?? null,
      actorLabel: entry.actorLabel ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    },
  });
}
