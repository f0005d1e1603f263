import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserForm } from "@/components/admin/user-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { userDetail } from "@/lib/users/queries";
import { updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Bruger" };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const { id } = await params;
  const me = await requirePermission(ADMIN_PAGES["/admin/brugere/[id]"], `/admin/brugere/${id}`);
  const data = await userDetail(me, id);
  if (!data) notFound();
  const { user: u, isSelf, cohorts } = data;
  return (
    <main className="wrap narrow">
      <p style={{ marginTop: "1rem" }}>
        <Link href="/admin/brugere">← Alle brugere</Link>
      </p>
      <h1>{u.name}</h1>
      <p className="lead">{u.email}</p>
      {isSelf && <p className="muted">Det er dig: du kan ikke fjerne dine egne administratorrettigheder eller din adgang.</p>}
      <UserForm
        action={updateUserAction.bind(null, id)}
        user={{ name: u.name, role: u.role, active: u.active, cohortIds: u.cohortIds }}
        cohorts={cohorts}
      />
    </main>
  );
}
