import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import { UserCreateForm } from "@/components/admin/forms/user-create-form";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { userList } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/time";
import { createUserAction } from "./actions";
import { optionsOf } from "@/components/ui/options";

export const metadata: Metadata = { title: "Brugere" };

export default async function UsersPage() {
  const me = await requireAdminPage("/admin/brugere");
  const users = await userList(me);
  return (
    <main className="wrap">
      <PageHead title="Brugere" />
      <DataTable
        caption="Brugere"
        captionHidden
        empty="Der er ingen brugere."
        rows={users}
        columns={[
          { header: "Navn", cell: (u) => <Link href={`/admin/brugere/${u.id}`}>{u.name}</Link> },
          { header: "E-mail", cell: (u) => u.email },
          { header: "Rolle", cell: (u) => ROLE_LABELS[u.role] },
          { header: "Adgang", cell: (u) => u.access },
          { header: "Sidst logget ind", cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "–") },
        ]}
      />
      <section aria-labelledby="ny-bruger" className="narrow">
        <h2 id="ny-bruger">Opret bruger</h2>
        <UserCreateForm
          action={createUserAction}
          fields={[
            { name: "name", label: "Navn", required: true, maxLength: 200 },
            { name: "email", label: "E-mail", type: "email", required: true, maxLength: 254, autoComplete: "off" },
            { name: "role", label: "Rolle", type: "select", required: true, defaultValue: "COORDINATOR", options: optionsOf(ROLE_LABELS) },
            { name: "password", label: "Adgangskode", type: "password", required: true, maxLength: 1024, hint: "Mindst 12 tegn. Giv den videre ad en sikker vej.", autoComplete: "new-password" },
          ]}
          submitLabel="Opret bruger"
          pendingLabel="Opretter…"
        />
      </section>
    </main>
  );
}
