import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { Options } from "@/components/ui/options";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { auditLogPage, isKnownAuditAction } from "@/lib/audit/queries";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActor, auditChanges, auditEntityLabel, auditSubject } from "@/lib/audit-labels";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Logbog" };

type Props = { searchParams: Promise<{ handling?: string; type?: string; id?: string; fra?: string; side?: string }> };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .sort(([, a], [, b]) => a.localeCompare(b, "da"))
  .map(([value, label]) => ({ value, label }));

/** Who changed what, when: every audited mutation, newest first, filterable. */
export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireAdminPage("/admin/logbog");
  const { filter, total, page, pages, rows, types } = await auditLogPage(user, await searchParams);
  const { action, entityType, entityId, fra } = filter;
  const qs = (p: number) => `?${new URLSearchParams({ ...(action ? { handling: action } : {}), ...(entityType ? { type: entityType } : {}), ...(entityId ? { id: entityId } : {}), ...(fra ? { fra } : {}), side: String(p) })}`;

  return (
    <main className="wrap">
      <PageHead title="Logbog" />
      <form className="inline-form" role="search" method="get">
        <div className="field">
          <label htmlFor="handling">Handling</label>
          <select id="handling" name="handling" defaultValue={action}>
            <Options empty="Alle" options={action && !isKnownAuditAction(action) ? [{ value: action, label: `Begynder med “${action}”` }, ...ACTION_OPTIONS] : ACTION_OPTIONS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={entityType}>
            <Options empty="Alle" options={types.map((t) => ({ value: t, label: auditEntityLabel(t) }))} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="fra">Fra dato</label>
          <input id="fra" name="fra" type="date" defaultValue={fra} />
        </div>
        {entityId && <input type="hidden" name="id" value={entityId} />}
        <button className="button" type="submit">
          Vis
        </button>
      </form>
      <DataTable
        caption={`${total} hændelser`}
        empty="Ingen hændelser matcher."
        rows={rows}
        pager={{ page, pages, href: qs }}
        columns={[
          { header: "Tidspunkt", cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time> },
          {
            header: "Hvem",
            cell: (r) => {
              const actor = auditActor(r.actorLabel, r.actorUser?.name);
              return actor.enrolmentId ? <Link href={`/admin/tilmeldinger/${encodeURIComponent(actor.enrolmentId)}`}>{actor.name}</Link> : actor.name;
            },
          },
          { header: "Handling", cell: (r) => auditActionLabel(r.action) },
          {
            header: "Hvad",
            cell: (r) => (
              <Link href={`?type=${encodeURIComponent(r.entityType)}&id=${encodeURIComponent(r.entityId)}`} title="Vis alle hændelser for denne">
                {auditSubject(r)}
              </Link>
            ),
          },
          { header: "Ændringer", cell: (r) => <Changes changes={auditChanges(r)} /> },
        ]}
      />
    </main>
  );
}

function Changes({ changes }: { changes: ReturnType<typeof auditChanges> }) {
  if (changes.length === 0) return "–";
  return (
    <ul className="changes">
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`}>
          <strong>{c.field}:</strong> {c.before !== undefined && c.after !== undefined ? `${c.before} → ${c.after}` : (c.after ?? c.before)}
        </li>
      ))}
    </ul>
  );
}
