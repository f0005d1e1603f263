import type { Metadata } from "next";
import { EvaluationSettingsForm } from "@/components/admin/forms/evaluation-settings-form";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { evaluationSettingsFields } from "@/components/admin/evaluation-fields";
import { adminDetail } from "@/lib/auth/admin-page";
import { formatPercent } from "@/lib/evaluations/format";
import { cohortEvaluations } from "@/lib/evaluations/queries";
import { formatDate } from "@/lib/time";
import { createFormAction } from "../../../evalueringer/actions";

export const metadata: Metadata = { title: "Holdets evalueringer" };

type Props = { params: Promise<{ id: string }> };

export default async function CohortEvaluationsPage({ params }: Props) {
  const { id, data } = await adminDetail(params, "/admin/hold/[id]/evalueringer", (user, { id }) => cohortEvaluations(user, id));
  const { cohort, modules, forms, defaultCloses, mayCreate } = data;

  return (
    <main className="wrap">
      <PageHead back={{ href: `/admin/hold/${id}`, label: cohort.name }} title={`Evalueringer: ${cohort.name}`} lead={cohort.programmeTitle} />
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
          <EvaluationSettingsForm
            action={createFormAction.bind(null, id)}
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
