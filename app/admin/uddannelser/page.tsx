import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { PROGRAMME_STATUS_LABELS } from "@/lib/programmes/schemas";

export const metadata: Metadata = { title: "Uddannelser" };

export default async function ProgrammesPage() {
  const user = await requirePermission(ADMIN_PAGES["/admin/uddannelser"], "/admin/uddannelser");
  const programmes = await db.programme.findMany({ include: { _count: { select: { modules: true, cohorts: true } } }, orderBy: { title: "asc" } });
  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Uddannelser</h1>
      {can(user.role, "programme:update") && (
        <p>
          <Link className="button" href="/admin/uddannelser/ny">
            Opret uddannelse
          </Link>
        </p>
      )}
      {programmes.length === 0 ? (
        <p>Der er ingen uddannelser endnu.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Uddannelse</th>
                <th scope="col">Status</th>
                <th scope="col">Pris ekskl. moms</th>
                <th scope="col">Moduler</th>
                <th scope="col">Hold</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/admin/uddannelser/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{PROGRAMME_STATUS_LABELS[p.status]}</td>
                  <td>{formatMoney(p.priceOre, p.currency)}</td>
                  <td>{p._count.modules}</td>
                  <td>{p._count.cohorts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
