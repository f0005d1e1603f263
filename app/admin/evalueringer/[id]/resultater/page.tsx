import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/admin/bar-chart";
import { PageHead } from "@/components/admin/page-head";
import { adminDetail } from "@/lib/auth/admin-page";
import { formatPercent, formatScore } from "@/lib/evaluations/format";
import { FREE_TEXT_SHOWN, getFormResults } from "@/lib/evaluations/results";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Evalueringsresultater" };

type Props = { params: Promise<{ id: string }> };

export default async function EvaluationResultsPage({ params }: Props) {
  const { id, data: r } = await adminDetail(params, "/admin/evalueringer/[id]/resultater", (_, { id }) => getFormResults(id));

  return (
    <main className="wrap narrow">
      <PageHead
        back={{ href: `/admin/evalueringer/${id}`, label: r.form.title }}
        title={`Resultater: ${r.form.title}`}
        lead={
          <>
            Hold {r.form.cohortName} – {r.form.moduleTitle ?? "hele holdet"}, version {r.form.version}
            {r.form.anonymous ? ", anonym" : ""}
            {r.form.closesAt ? `. Svarfrist ${formatDateTime(r.form.closesAt)}` : ""}.
          </>
        }
      />
      <ul className="stats" aria-label="Svarprocent">
        <li>
          <strong>{r.invited}</strong> inviteret
        </li>
        <li>
          <strong data-testid="result-responded">{r.responded}</strong> har svaret
        </li>
        <li>
          <strong>{r.responseRate === null ? "–" : formatPercent(r.responseRate)}</strong> svarprocent
        </li>
      </ul>
      <p>
        Hent resultaterne: <a href={`/admin/evalueringer/${id}/eksport?format=csv`} download>CSV</a> ·{" "}
        <a href={`/admin/evalueringer/${id}/eksport?format=xlsx`} download>
          Excel (XLSX)
        </a>{" "}
        · <Link href={`/admin/uddannelser/${r.form.programmeId}/evalueringer`}>Sammenlign hold og vis på uddannelsens side</Link>
      </p>
      {r.questions.map((q, i) => (
        <section key={q.id} aria-labelledby={`q-${q.id}`} className="result">
          <h2 id={`q-${q.id}`}>
            {i + 1}. {q.prompt}
          </h2>
          {q.kind === "SCALE" && (
            <>
              <p data-testid={`mean-${q.key}`}>
                {q.mean === null ? (
                  "Ingen svar endnu."
                ) : (
                  <>
                    Gennemsnit <strong>{formatScore(q.mean)}</strong>, median {formatScore(q.median!)} af {q.n} {q.n === 1 ? "svar" : "svar"} (skala {q.min}–{q.max}
                    {q.minLabel ? `: ${q.min} = ${q.minLabel}, ${q.max} = ${q.maxLabel ?? ""}` : ""})
                  </>
                )}
              </p>
              {q.n > 0 && <BarChart caption="Fordeling af svarene" bars={q.distribution.map((d) => ({ label: String(d.value), count: d.count }))} />}
            </>
          )}
          {q.kind === "SINGLE_CHOICE" && (
            <>
              <p>{q.n} {q.n === 1 ? "svar" : "svar"}</p>
              {q.n > 0 && <BarChart caption="Svarene fordelt på muligheder" bars={q.counts.map((c) => ({ label: c.option, count: c.count }))} />}
            </>
          )}
          {q.kind === "FREE_TEXT" && (
            <>
              <p>
                {q.n} {q.n === 1 ? "svar" : "svar"}
                {q.n > q.texts.length ? ` – de ${q.texts.length} nyeste vises; alle er med i eksporten` : ""}
              </p>
              {q.texts.length > 0 && (
                <ul className="free-texts">
                  {q.texts.map((t, j) => (
                    <li key={j}>
                      {t.text}
                      {t.name && <span className="muted"> – {t.name}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      ))}
      <p className="muted">Alle tal er beregnet i databasen ud fra de gemte besvarelser. Fritekst: højst {FREE_TEXT_SHOWN} pr. spørgsmål på siden.</p>
    </main>
  );
}
