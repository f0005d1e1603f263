import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { programmeList } from "@/lib/programmes/queries";
import { PROGRAMME_STATUS_LABELS } from "@/lib/programmes/schemas";

export const metadata: Metadata = { title: "Uddannelser" };

export default async function ProgrammesPage() {
  const user = await requirePermission(ADMIN_PAGES["/admin/uddannelser"], "/admin/uddannelser");
  const { rows, mayCreate } = await programmeList(user);
  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Uddannelser</h1>
      {mayCreate && (
        <p>
          <Link className="button" href="/admin/uddannelser/ny">
            Opret uddannelse
          </Link>
        </p>
      )}
      <DataTable
        caption="Uddannelser"
        captionHidden
        empty="Der er ingen uddannelser endnu."
        rows={rows}
        columns={[
          { header: "Uddannelse", cell: (p) => <Link href={`/admin/uddannelser/${p.id}`}>{p.title}</Link> },
          { header: "Status", cell: (p) => PROGRAMME_STATUS_LABELS[p.status] },
          { header: "Pris ekskl. moms", cell: (p) => formatMoney(p.priceOre, p.currency) },
          { header: "Moduler", cell: (p) => p._count.modules },
          { header: "Hold", cell: (p) => p._count.cohorts },
        ]}
      />
    </main>
  );
}
