import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { formatMoney } from "@/lib/money";
import { programmeList } from "@/lib/programmes/queries";
import { PROGRAMME_STATUS_LABELS } from "@/lib/programmes/schemas";

export const metadata: Metadata = { title: "Uddannelser" };

export default async function ProgrammesPage() {
  const user = await requireAdminPage("/admin/uddannelser");
  const { rows, mayCreate } = await programmeList(user);
  return (
    <main className="wrap">
      <PageHead title="Uddannelser" />
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
