import "server-only";
import { AUDIT_ACTION_LABELS } from "../audit-labels";
import { ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { pageCount, pageNumber } from "../paging";
import { copenhagenTime } from "../time";

export const AUDIT_PAGE_SIZE = 50;

export const isKnownAuditAction = (code: string) => Object.hasOwn(AUDIT_ACTION_LABELS, code);

/** Midnight in Danish time on a YYYY-MM-DD day; nothing for a malformed or impossible date. */
function startOfDay(day: string | undefined): Date | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  try {
    return copenhagenTime(day, "00:00");
  } catch {
    return undefined;
  }
}

/**
 * A page of the audit log, newest first, filtered by action, entity type, entity and first day, with
 * the entity types there are to filter by. `filter` is the filter as understood (a day that is not a
 * real date is dropped).
 */
export async function auditLogPage(user: StaffUser, sp: { handling?: string; type?: string; id?: string; fra?: string; side?: string }) {
  ensurePermission(user, "audit:read");
  const action = (sp.handling ?? "").trim().slice(0, 80);
  const entityType = (sp.type ?? "").trim().slice(0, 40);
  const entityId = (sp.id ?? "").trim().slice(0, 40);
  const from = startOfDay(sp.fra);
  const page = pageNumber(sp.side);
  const where: Prisma.AuditLogWhereInput = {
    // A code from the list exactly; anything else (an older link) as the beginning of codes.
    ...(action ? { action: isKnownAuditAction(action) ? action : { startsWith: action } } : {}),
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(from ? { createdAt: { gte: from } } : {}),
  };
  const [total, rows, types] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, include: { actorUser: { select: { name: true, email: true } } }, orderBy: { createdAt: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    filter: { action, entityType, entityId, fra: from ? (sp.fra ?? "") : "" },
    total,
    page,
    pages: pageCount(total, AUDIT_PAGE_SIZE),
    rows,
    types: types.map((t) => t.entityType),
  };
}
