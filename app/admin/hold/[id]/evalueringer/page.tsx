import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/admin/data-table";
import { evaluationSettingsFields } from "@/components/admin/evaluation-fields";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { formatPercent } from "@/lib/evaluations/format";
import { cohortEvaluations } from "@/lib/evaluations/queries";
import { formatDate } from "@/lib/time";
import { createFormAction } from "../../../evalueringer/actions";

export const metadata: Metadata = { title: "Holdets evalueringer" };

type Props = { params: Promise<{ id: string }> };

export default async function CohortEvaluationsPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/hold/[id]/evalueringer"], `/admin/hold/${id}/evalueringer`);
  const data = await cohortEvaluations(user, id);
  if (!data) notFound();
  const { cohort, modules, forms, defaultCloses, mayCreate } = data;

  return (
    <main className="wrap">
      <p style={{ marginTop: "1rem" }}>
        <Link href={`/admin/hold/${id}`}>← {cohort.name}</Link>
      </p>
      <h1>Evalueringer: {cohort.name}</h1>
      <p className="lead">{cohort.programmeTitle}</p>
      <DataTable
        caption="Holdets evalueringsskemaer"
        empty="Holdet har ingen evalueringer endnu. Opret en herunder: den starter med standardspørgsmålene, som du kan rette."
        rows={forms}
        columns={[
          {
            header: "Titel",
            cell: (f) => (
              <>
                <Link href={`/admin/evalueringer/${f.id}`}>{f.title}</Link> <span className="muted">version {f.version}</span>
                {f.supersededBy && <span className="badge">Afløst</span>}
                {f.anonymous && <span className="badge">Anonym</span>}
              </>
            ),
          },
          { header: "Evaluerer", cell: (f) => (f.module ? `Modul ${f.module.position}: ${f.module.title}` : "Hele holdet") },
          { header: "Inviteret", cell: (f) => f.invited },
          { header: "Svar", cell: (f) => f.responded },
          { header: "Svarprocent", cell: (f) => (f.invited ? formatPercent(f.responded / f.invited) : "–") },
          { header: "Svarfrist", cell: (f) => (f.closesAt ? formatDate(f.closesAt) : "–") },
          { header: "Resultater", cell: (f) => <Link href={`/admin/evalueringer/${f.id}/resultater`}>Se resultater</Link> },
        ]}
      />
      {mayCreate && (
        <section aria-labelledby="ny-evaluering">
          <h2 id="ny-evaluering">Opret evaluering</h2>
          <ActionForm
            action={createFormAction.bind(null, id)}
            schema="evaluationSettings"
            idPrefix="ny-evaluering"
            fields={evaluationSettingsFields(modules).map((f) => ({
              ...f,
              defaultValue:
                f.name === "title" ? `Evaluering af ${cohort.programmeTitle}` : f.name === "closesOn" ? defaultCloses : f.name === "reminderAfterDays" ? "7" : f.type === "checkbox" ? "on" : undefined,
            }))}
            submitLabel="Opret evaluering"
            pendingLabel="Opretter…"
          />
        </section>
      )}
    </main>
  );
}
