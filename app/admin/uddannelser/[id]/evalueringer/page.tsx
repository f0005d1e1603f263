import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatPercent, formatScore } from "@/lib/evaluations/format";
import { getPublicScores } from "@/lib/evaluations/public-scores";
import { getProgrammeComparison } from "@/lib/evaluations/results";
import { publishScoreAction, unpublishScoreAction } from "../../../evalueringer/actions";

export const metadata: Metadata = { title: "Uddannelsens evalueringer" };

type Props = { params: Promise<{ id: string }> };

export default async function ProgrammeEvaluationsPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/uddannelser/[id]/evalueringer"], `/admin/uddannelser/${id}/evalueringer`);
  const programme = await db.programme.findUnique({
    where: { id },
    select: { id: true, title: true, slug: true, status: true, publishedScores: { orderBy: [{ position: "asc" }, { label: "asc" }], include: { cohort: { select: { name: true } } } } },
  });
  if (!programme) notFound();
  const [comparison, shown] = await Promise.all([getProgrammeComparison(id), getPublicScores(id)]);
  const mayPublish = can(user.role, "evaluation:update");
  const figure = (scoreId: string) => shown.find((s) => s.id === scoreId);

  return (
    <main className="wrap">
      <p style={{ marginTop: "1rem" }}>
        <Link href={`/admin/uddannelser/${id}`}>← {programme.title}</Link>
      </p>
      <h1>Evalueringer: {programme.title}</h1>

      <section aria-labelledby="sammenligning">
        <h2 id="sammenligning">Holdene sammenlignet</h2>
        {comparison.cohorts.length === 0 ? (
          <p>Ingen hold på uddannelsen har en evaluering endnu.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="muted" style={{ textAlign: "left" }}>
                Gennemsnit pr. hold (skala 1–10) med antal svar i parentes
              </caption>
              <thead>
                <tr>
                  <th scope="col">Hold</th>
                  <th scope="col">Svarprocent</th>
                  {comparison.questions.map((q) => (
                    <th scope="col" key={q.key}>
                      {q.prompt} <span className="muted">({q.key})</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.cohorts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/admin/hold/${c.id}/evalueringer`}>{c.name}</Link>
                    </th>
                    <td>
                      {c.invited ? formatPercent(c.responded / c.invited) : "–"} <span className="muted">({c.responded} af {c.invited})</span>
                    </td>
                    {comparison.questions.map((q) => {
                      const s = c.scores[q.key];
                      return <td key={q.key}>{s ? `${formatScore(s.mean)} (${s.n})` : "–"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="offentlige">
        <h2 id="offentlige">Vist på uddannelsens side</h2>
        <p>
          Disse resultater beregnes fra de gemte svar, hver gang <Link href={`/uddannelser/${programme.slug}`}>uddannelsens side</Link> vises, så nye svar
          kommer med med det samme.
        </p>
        {programme.publishedScores.length === 0 ? (
          <p>Ingen resultater vises på siden endnu.</p>
        ) : (
          <ul className="published-scores">
            {programme.publishedScores.map((p) => {
              const f = figure(p.id);
              return (
                <li key={p.id}>
                  <strong>{p.label}</strong>: {f?.mean != null ? `${formatScore(f.mean)} af ${f.responses} svar` : "ingen svar endnu"} –{" "}
                  {p.cohort ? `holdet ${p.cohort.name}` : "alle hold"} <span className="muted">({p.questionKey}, nr. {p.position})</span>
                  {mayPublish && (
                    <ActionForm
                      action={unpublishScoreAction.bind(null, id, p.id)}
                      schema="none"
                      idPrefix={`fjern-${p.id}`}
                      fields={[]}
                      submitLabel="Fjern fra siden"
                      pendingLabel="Fjerner…"
                      confirm={`Fjern "${p.label}" fra uddannelsens side?`}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {mayPublish && comparison.questions.length > 0 && (
          <>
            <h3>Vis et resultat på siden</h3>
            <ActionForm
              action={publishScoreAction.bind(null, id)}
              schema="publishScore"
              idPrefix="offentliggoer"
              fields={[
                { name: "questionKey", label: "Spørgsmål", type: "select", required: true, options: comparison.questions.map((q) => ({ value: q.key, label: `${q.prompt} (${q.key})` })) },
                { name: "cohortId", label: "Fra hold", type: "select", required: true, options: [{ value: "", label: "Alle hold samlet" }, ...comparison.cohorts.map((c) => ({ value: c.id, label: c.name }))] },
                { name: "label", label: "Tekst på siden", required: true, maxLength: 80, hint: "Fx Kvalitet af indhold" },
                { name: "position", label: "Rækkefølge", type: "number", required: true, defaultValue: String(programme.publishedScores.length + 1) },
              ]}
              submitLabel="Vis på siden"
              pendingLabel="Gemmer…"
            />
          </>
        )}
      </section>
    </main>
  );
}
