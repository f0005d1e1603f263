import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { evaluationSettingsFields } from "@/components/admin/evaluation-fields";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatPercent } from "@/lib/evaluations/format";
import { familyCounts } from "@/lib/evaluations/results";
import { formatDate, localDateIso } from "@/lib/time";
import { createFormAction } from "../../../evalueringer/actions";

export const metadata: Metadata = { title: "Holdets evalueringer" };

type Props = { params: Promise<{ id: string }> };

export default async function CohortEvaluationsPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/hold/[id]/evalueringer"], `/admin/hold/${id}/evalueringer`);
  const cohort = await db.cohort.findUnique({
    where: { id },
    include: {
      programme: { select: { title: true } },
      sessions: { select: { module: { select: { id: true, title: true, position: true } }, days: { select: { endsAt: true } } }, orderBy: { module: { position: "asc" } } },
      evaluationForms: { include: { module: { select: { title: true, position: true } }, supersededBy: { select: { id: true } } }, orderBy: [{ createdAt: "asc" }] },
    },
  });
  if (!cohort) notFound();
  const formIds = cohort.evaluationForms.map((f) => f.id);
  // Counted over each form's versions: a new version takes over only the links not yet used.
  const counts = await familyCounts(formIds);
  const lastDay = cohort.sessions.flatMap((s) => s.days.map((d) => d.endsAt)).sort((a, b) => b.getTime() - a.getTime())[0];
  const defaultCloses = lastDay ? localDateIso(new Date(lastDay.getTime() + 21 * 86_400_000)) : "";

  return (
    <main className="wrap">
      <p style={{ marginTop: "1rem" }}>
        <Link href={`/admin/hold/${id}`}>← {cohort.name}</Link>
      </p>
      <h1>Evalueringer: {cohort.name}</h1>
      <p className="lead">{cohort.programme.title}</p>
      {cohort.evaluationForms.length === 0 ? (
        <p>Holdet har ingen evalueringer endnu. Opret en herunder: den starter med standardspørgsmålene, som du kan rette.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="muted" style={{ textAlign: "left" }}>
              Holdets evalueringsskemaer
            </caption>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Evaluerer</th>
                <th scope="col">Inviteret</th>
                <th scope="col">Svar</th>
                <th scope="col">Svarprocent</th>
                <th scope="col">Svarfrist</th>
                <th scope="col">Resultater</th>
              </tr>
            </thead>
            <tbody>
              {cohort.evaluationForms.map((f) => {
                const { invited, responded } = counts.get(f.id) ?? { invited: 0, responded: 0 };
                return (
                  <tr key={f.id}>
                    <td>
                      <Link href={`/admin/evalueringer/${f.id}`}>{f.title}</Link> <span className="muted">version {f.version}</span>
                      {f.supersededBy && <span className="badge">Afløst</span>}
                      {f.anonymous && <span className="badge">Anonym</span>}
                    </td>
                    <td>{f.module ? `Modul ${f.module.position}: ${f.module.title}` : "Hele holdet"}</td>
                    <td>{invited}</td>
                    <td>{responded}</td>
                    <td>{invited ? formatPercent(responded / invited) : "–"}</td>
                    <td>{f.closesAt ? formatDate(f.closesAt) : "–"}</td>
                    <td>
                      <Link href={`/admin/evalueringer/${f.id}/resultater`}>Se resultater</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {can(user.role, "evaluation:update") && (
        <section aria-labelledby="ny-evaluering">
          <h2 id="ny-evaluering">Opret evaluering</h2>
          <ActionForm
            action={createFormAction.bind(null, id)}
            schema="evaluationSettings"
            idPrefix="ny-evaluering"
            fields={evaluationSettingsFields(cohort.sessions.map((s) => s.module)).map((f) => ({
              ...f,
              defaultValue:
                f.name === "title" ? `Evaluering af ${cohort.programme.title}` : f.name === "closesOn" ? defaultCloses : f.name === "reminderAfterDays" ? "7" : f.type === "checkbox" ? "on" : undefined,
            }))}
            submitLabel="Opret evaluering"
            pendingLabel="Opretter…"
          />
        </section>
      )}
    </main>
  );
}
