import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { SearchForm } from "@/components/ui/search-form";
import { can } from "@/lib/auth/permissions";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { cohortList } from "@/lib/cohorts/queries";
import { COHORT_STATUS_LABELS } from "@/lib/cohorts/schemas";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Hold" };

type Props = { searchParams: Promise<{ q?: string; status?: string; side?: string }> };

export default async function CohortsPage({ searchParams }: Props) {
  const user = await requireAdminPage("/admin/hold");
  const { query, status, page, pages, total, rows } = await cohortList(user, await searchParams);
  const href = (p: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(status ? { status } : {}), side: String(p) })}`;

  return (
    <main className="wrap">
      <PageHead title="Hold" />
      {can(user.role, "cohort:update") && (
        <p>
          <Link className="button" href="/admin/hold/ny">
            Opret hold
          </Link>
        </p>
      )}
      <SearchForm label="Søg" query={query} status={status} statuses={COHORT_STATUS_LABELS} />
      <DataTable
        caption={`${total} hold`}
        empty="Ingen hold matcher."
        rows={rows}
        pager={{ page, pages, href }}
        columns={[
          { header: "Hold", cell: (c) => <Link href={`/admin/hold/${c.id}`}>{c.name}</Link> },
          { header: "Uddannelse", cell: (c) => c.programme.title },
          { header: "Status", cell: (c) => COHORT_STATUS_LABELS[c.status] },
          { header: "Første dag", cell: (c) => (c.firstDay ? formatDate(c.firstDay) : "–") },
          { header: "Pladser (optaget/ledige)", cell: (c) => `${c.taken}/${c.free}` },
          { header: "Venteliste", cell: (c) => c.waitlist },
        ]}
      />
    </main>
  );
}
