import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Logbog" };

const PAGE_SIZE = 50;
type Props = { searchParams: Promise<{ handling?: string; type?: string; id?: string; fra?: string; side?: string }> };

function summary(v: unknown): string {
  if (v === null || v === undefined) return "–";
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Who changed what, when: every audited mutation, newest first, filterable. */
export default async function AuditLogPage({ searchParams }: Props) {
  await requirePermission(ADMIN_PAGES["/admin/logbog"], "/admin/logbog");
  const sp = await searchParams;
  const action = (sp.handling ?? "").trim().slice(0, 80);
  const entityType = (sp.type ?? "").trim().slice(0, 40);
  const entityId = (sp.id ?? "").trim().slice(0, 40);
  const from = /^\d{4}-\d{2}-\d{2}$/.test(sp.fra ?? "") ? new Date(`${sp.fra}T00:00:00Z`) : undefined;
  const page = Math.max(1, Math.min(10_000, Number(sp.side) || 1));
  const where: Prisma.AuditLogWhereInput = {
    ...(action ? { action: { startsWith: action } } : {}),
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
          <label htmlFor="handling">Handling begynder med</label>
          <input id="handling" name="handling" type="text" defaultValue={action} maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={entityType}>
            <option value="">Alle</option>
            {types.map((t) => (
              <option key={t.entityType} value={t.entityType}>
                {t.entityType}
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
                <th scope="col">Før</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.actorUser ? `${r.actorUser.name}` : (r.actorLabel ?? "–")}</td>
                  <td>{r.action}</td>
                  <td>
                    <Link href={`?type=${encodeURIComponent(r.entityType)}&id=${encodeURIComponent(r.entityId)}`}>
                      {r.entityType} {r.entityId.slice(-8)}
                    </Link>
                  </td>
                  <td>
                    <code>{summary(r.before)}</code>
                  </td>
                  <td>
                    <code>{summary(r.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={qs} />
    </main>
  );
}
