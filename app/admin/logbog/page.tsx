import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActor, auditChanges, auditEntityLabel, auditSubject } from "@/lib/audit-labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import { copenhagenTime, formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Logbog" };

const PAGE_SIZE = 50;
type Props = { searchParams: Promise<{ handling?: string; type?: string; id?: string; fra?: string; side?: string }> };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b, "da"));
const isKnownAction = (code: string) => Object.hasOwn(AUDIT_ACTION_LABELS, code);

/** Midnight in Danish time on a YYYY-MM-DD day; nothing for a malformed or impossible date. */
function startOfDay(day: string | undefined): Date | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  try {
    return copenhagenTime(day, "00:00");
  } catch {
    return undefined;
  }
}

/** Who changed what, when: every audited mutation, newest first, filterable. */
export default async function AuditLogPage({ searchParams }: Props) {
  await requirePermission(ADMIN_PAGES["/admin/logbog"], "/admin/logbog");
  const sp = await searchParams;
  const action = (sp.handling ?? "").trim().slice(0, 80);
  const entityType = (sp.type ?? "").trim().slice(0, 40);
  const entityId = (sp.id ?? "").trim().slice(0, 40);
  const from = startOfDay(sp.fra);
  const page = Math.max(1, Math.min(10_000, Number(sp.side) || 1));
  const where: Prisma.AuditLogWhereInput = {
    // A code from the list exactly; anything else (an older link) as the beginning of codes.
    ...(action ? { action: isKnownAction(action) ? action : { startsWith: action } } : {}),
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(from ? { createdAt: { gte: from } } : {}),
  };
  const [total, rows, types] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, include: { actorUser: { select: { name: true, email: true } } }, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const qs = (p: number) => `?${new URLSearchParams({ ...(action ? { handling: action } : {}), ...(entityType ? { type: entityType } : {}), ...(entityId ? { id: entityId } : {}), ...(sp.fra && from ? { fra: sp.fra } : {}), side: String(p) })}`;

  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Logbog</h1>
      <form className="inline-form" role="search" method="get">
        <div className="field">
          <label htmlFor="handling">Handling</label>
          <select id="handling" name="handling" defaultValue={action}>
            <option value="">Alle</option>
            {action && !isKnownAction(action) && <option value={action}>Begynder med “{action}”</option>}
            {ACTION_OPTIONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={entityType}>
            <option value="">Alle</option>
            {types.map((t) => (
              <option key={t.entityType} value={t.entityType}>
                {auditEntityLabel(t.entityType)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fra">Fra dato</label>
          <input id="fra" name="fra" type="date" defaultValue={from ? sp.fra : ""} />
        </div>
        {entityId && <input type="hidden" name="id" value={entityId} />}
        <button className="button" type="submit">
          Vis
        </button>
      </form>
      {rows.length === 0 ? (
        <p>Ingen hændelser matcher.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="muted" style={{ textAlign: "left" }}>
              {total} hændelser{pages > 1 ? `, side ${page} af ${pages}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Hvad</th>
                <th scope="col">Ændringer</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const actor = auditActor(r.actorLabel, r.actorUser?.name);
                const changes = auditChanges(r);
                return (
                  <tr key={r.id}>
                    <td>
                      <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                    </td>
                    <td>{actor.enrolmentId ? <Link href={`/admin/tilmeldinger/${encodeURIComponent(actor.enrolmentId)}`}>{actor.name}</Link> : actor.name}</td>
                    <td>{auditActionLabel(r.action)}</td>
                    <td>
                      <Link href={`?type=${encodeURIComponent(r.entityType)}&id=${encodeURIComponent(r.entityId)}`} title="Vis alle hændelser for denne">
                        {auditSubject(r)}
                      </Link>
                    </td>
                    <td>
                      {changes.length === 0 ? (
                        "–"
                      ) : (
                        <ul className="changes">
                          {changes.map((c, i) => (
                            <li key={`${c.field}-${i}`}>
                              <strong>{c.field}:</strong>{" "}
                              {c.before !== undefined && c.after !== undefined ? `${c.before} → ${c.after}` : (c.after ?? c.before)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={qs} />
    </main>
  );
}
