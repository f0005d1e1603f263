import type { Metadata } from "next";
import { PublishScoreForm } from "@/components/admin/forms/publish-score-form";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { formatPercent, formatScore } from "@/lib/evaluations/format";
import { programmeEvaluations } from "@/lib/evaluations/queries";
import { publishScoreAction, unpublishScoreAction } from "../../../evalueringer/actions";

export const metadata: Metadata = { title: "Uddannelsens evalueringer" };

type Props = { params: Promise<{ id: string }> };

export default async function ProgrammeEvaluationsPage({ params }: Props) {
  const { id, data } = await adminDetail(params, "/admin/uddannelser/[id]/evalueringer", (user, { id }) => programmeEvaluations(user, id));
  const { programme, comparison, published, mayPublish } = data;

  return (
    <main className="wrap">
      <PageHead back={{ href: `/admin/uddannelser/${id}`, label: programme.title }} title={`Evalueringer: ${programme.title}`} />

      <section aria-labelledby="sammenligning">
        <h2 id="sammenligning">Holdene sammenlignet</h2>
        <DataTable
          caption="Gennemsnit pr. hold (skala 1–10) med antal svar i parentes"
          empty="Ingen hold på uddannelsen har en evaluering endnu."
          rows={comparison.cohorts}
          columns={[
            { header: "Hold", rowHeader: true, cell: (c) => <Link href={`/admin/hold/${c.id}/evalueringer`}>{c.name}</Link> },
            {
              header: "Svarprocent",
              cell: (c) => (
                <>
                  {c.invited ? formatPercent(c.responded / c.invited) : "–"} <span className="muted">({c.responded} af {c.invited})</span>
                </>
              ),
            },
            ...comparison.questions.map((q) => ({
              key: q.key,
              header: (
                <>
                  {q.prompt} <span className="muted">({q.key})</span>
                </>
              ),
              cell: (c: (typeof comparison.cohorts)[number]) => {
                const s = c.scores[q.key];
                return s ? `${formatScore(s.mean)} (${s.n})` : "–";
              },
            })),
          ]}
        />
      </section>

      <section aria-labelledby="offentlige">
        <h2 id="offentlige">Vist på uddannelsens side</h2>
        <p>
          Disse resultater beregnes fra de gemte svar, hver gang <Link href={`/uddannelser/${programme.slug}`}>uddannelsens side</Link> vises, så nye svar
          kommer med med det samme.
        </p>
        {published.length === 0 ? (
          <p>Ingen resultater vises på siden endnu.</p>
        ) : (
          <ul className="published-scores">
            {published.map((p) => {
              const f = p.figure;
              return (
                <li key={p.id}>
                  <strong>{p.label}</strong>: {f?.mean != null ? `${formatScore(f.mean)} af ${f.responses} svar` : "ingen svar endnu"} –{" "}
                  {p.cohort ? `holdet ${p.cohort.name}` : "alle hold"} <span className="muted">({p.questionKey}, nr. {p.position})</span>
                  {mayPublish && (
                    <ActionForm
                      action={unpublishScoreAction.bind(null, id, p.id)}
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
            <PublishScoreForm
              action={publishScoreAction.bind(null, id)}
              idPrefix="offentliggoer"
              fields={[
                { name: "questionKey", label: "Spørgsmål", type: "select", required: true, options: comparison.questions.map((q) => ({ value: q.key, label: `${q.prompt} (${q.key})` })) },
                { name: "cohortId", label: "Fra hold", type: "select", required: true, options: [{ value: "", label: "Alle hold samlet" }, ...comparison.cohorts.map((c) => ({ value: c.id, label: c.name }))] },
                { name: "label", label: "Tekst på siden", required: true, maxLength: 80, hint: "Fx Kvalitet af indhold" },
                { name: "position", label: "Rækkefølge", type: "number", required: true, defaultValue: String(published.length + 1) },
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
