import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import { UserForm } from "@/components/admin/user-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { userDetail } from "@/lib/users/queries";
import { updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Bruger" };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const { id, data } = await adminDetail(params, "/admin/brugere/[id]", (me, p) => userDetail(me, p.id));
  const { user: u, isSelf, cohorts } = data;
  return (
    <main className="wrap narrow">
      <PageHead back={{ href: "/admin/brugere", label: "Alle brugere" }} title={u.name} lead={u.email} />
      {isSelf && <p className="muted">Det er dig: du kan ikke fjerne dine egne administratorrettigheder eller din adgang.</p>}
      <UserForm
        action={updateUserAction.bind(null, id)}
        user={{ name: u.name, role: u.role, active: u.active, cohortIds: u.cohortIds }}
        cohorts={cohorts}
      />
    </main>
  );
}
