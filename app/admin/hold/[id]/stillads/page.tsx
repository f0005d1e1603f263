import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { PageHead } from "@/components/admin/page-head";
import { WorkspaceRead } from "@/components/workspace/workspace-read";
import { adminDetail } from "@/lib/auth/admin-page";
import { sectionTitle } from "@/lib/workspace/describe";
import { SECTIONS, type Section } from "@/lib/workspace/schemas";
import { staffWorkspaceOverview } from "@/lib/workspace/staff";

export const metadata: Metadata = { title: "Implementeringsstilladser" };

export default async function CohortWorkspacesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, data: o } = await adminDetail(params, "/admin/hold/[id]/stillads", (user, { id }) => staffWorkspaceOverview(user, id));
  return (
    <main className="wrap">
      <PageHead back={{ href: `/admin/hold/${id}`, label: o.cohort.name }} title="Implementeringsstilladser" />
      <p>
        {o.cohort.programme.title}, hold {o.cohort.name}. {o.participantsWithWorkspace} af {o.seatHolders} deltagere har startet et stillads ({o.workspaces} i alt).
        Du ser kun, hvor langt holdet er, og stilladserne fra dem, der selv har valgt at dele med underviserne.
      </p>
      <DataTable
        caption="Hvor langt er holdet"
        testId="workspace-counts"
        rows={SECTIONS}
        rowKey={(s: Section) => s}
        columns={[
          { header: "Afsnit", rowHeader: true, cell: (s) => sectionTitle(s) },
          { header: "Deltagere med mindst ét punkt", cell: (s) => o.sections[s].participants },
          { header: "Punkter i alt", cell: (s) => o.sections[s].entries },
        ]}
      />
      <h2>Delt med underviserne</h2>
      {o.shared.length === 0 && <p>Ingen har delt deres stillads med underviserne endnu.</p>}
      {o.shared.map((w) => (
        <section key={w.id} aria-labelledby={`ws-${w.id}`} className="aside-box">
          <h3 id={`ws-${w.id}`}>
            {w.person.name}: {w.title}
          </h3>
          <WorkspaceRead state={{ title: w.title, solution: w.solution, gain: w.gain, items: Object.values(w.sections).flat() }} headingLevel={3} idPrefix={`ws-${w.id}`} />
        </section>
      ))}
    </main>
  );
}
