import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { lockedOutEmails } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/time";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Brugere" };

export default async function UsersPage() {
  await requirePermission(ADMIN_PAGES["/admin/brugere"], "/admin/brugere");
  const users = await db.user.findMany({ orderBy: [{ disabledAt: "asc" }, { name: "asc" }] });
  const locked = await lockedOutEmails(users.map((u) => u.email));
  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Brugere</h1>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rolle</th>
              <th scope="col">Adgang</th>
              <th scope="col">Sidst logget ind</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/brugere/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.disabledAt ? "Spærret" : locked.has(u.email) ? "Midlertidigt låst" : "Aktiv"}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="ny-bruger" className="narrow">
        <h2 id="ny-bruger">Opret bruger</h2>
        <ActionForm
          action={createUserAction}
          schema="userCreate"
          fields={[
            { name: "name", label: "Navn", required: true, maxLength: 200 },
            { name: "email", label: "E-mail", type: "email", required: true, maxLength: 254, autoComplete: "off" },
            { name: "role", label: "Rolle", type: "select", required: true, defaultValue: "COORDINATOR", options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })) },
            { name: "password", label: "Adgangskode", type: "password", required: true, maxLength: 1024, hint: "Mindst 12 tegn. Giv den videre ad en sikker vej.", autoComplete: "new-password" },
          ]}
          submitLabel="Opret bruger"
          pendingLabel="Opretter…"
        />
      </section>
    </main>
  );
}
