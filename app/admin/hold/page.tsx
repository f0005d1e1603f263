import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { can } from "@/lib/auth/permissions";
import { cohortScope, requirePermission } from "@/lib/auth/session";
import { COHORT_STATUS_LABELS } from "@/lib/cohorts/schemas";
import { listCohortsWithSeats } from "@/lib/cohorts/service";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Pager } from "@/components/ui/pager";
import { SearchForm } from "@/components/ui/search-form";
import { ownKey } from "@/lib/own-key";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Hold" };

type Props = { searchParams: Promise<{ q?: string; status?: string; side?: string }> };
const PAGE_SIZE = 25;

export default async function CohortsPage({ searchParams }: Props) {
  const user = await requirePermission(ADMIN_PAGES["/admin/hold"], "/admin/hold");
  const { q = "", status = "", side } = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(side) || 1));
  const query = q.trim().slice(0, 100);
  const statusFilter = ownKey(COHORT_STATUS_LABELS, status);
  const where: Prisma.CohortWhereInput = {
    ...(await cohortScope(user)),
    ...(statusFilter ? { status: statusFilter } : {}),
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { programme: { title: { contains: query, mode: "insensitive" } } }] } : {}),
  };
  const [total, cohorts] = await Promise.all([db.cohort.count({ where }), listCohortsWithSeats(where, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE })]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(statusFilter ? { status: statusFilter } : {}), side: String(p) })}`;

  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Hold</h1>
      {can(user.role, "cohort:update") && (
        <p>
          <Link className="button" href="/admin/hold/ny">
            Opret hold
          </Link>
        </p>
      )}
      <SearchForm label="Søg" query={query} status={statusFilter} statuses={COHORT_STATUS_LABELS} />
      {cohorts.length === 0 ? (
        <p>Ingen hold matcher.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="muted" style={{ textAlign: "left" }}>
              {total} hold{pages > 1 ? `, side ${page} af ${pages}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Hold</th>
                <th scope="col">Uddannelse</th>
                <th scope="col">Status</th>
                <th scope="col">Første dag</th>
                <th scope="col">Pladser (optaget/ledige)</th>
                <th scope="col">Venteliste</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/admin/hold/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.programme.title}</td>
                  <td>{COHORT_STATUS_LABELS[c.status]}</td>
                  <td>{c.firstDay ? formatDate(c.firstDay) : "–"}</td>
                  <td>
                    {c.taken}/{c.free}
                  </td>
                  <td>{c.waitlist}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={href} />
    </main>
  );
}
