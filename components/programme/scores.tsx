import type { PublicScore } from "@/lib/evaluations/public-scores";
import { formatScore } from "@/lib/evaluations/format";

function source(s: PublicScore): string {
  const answers = `${s.responses} ${s.responses === 1 ? "besvarelse" : "besvarelser"}`;
  if (s.cohortName) return `${answers} fra holdet ${s.cohortName}`;
  return `${answers} fra ${s.cohortCount} ${s.cohortCount === 1 ? "hold" : "hold"}`;
}

/** Published evaluation results; every figure comes from stored responses (lib/evaluations/public-scores.ts). */
export function Scores({ scores }: { scores: PublicScore[] }) {
  const shown = scores.filter((s) => s.mean !== null && s.responses > 0);
  if (shown.length === 0) return null;
  const hosts = [...new Set(shown.map((s) => s.hostOrganisation).filter(Boolean))];
  return (
    <section aria-labelledby="evalueringer">
      <h2 id="evalueringer">Det siger tidligere deltagere</h2>
      {hosts.length > 0 && (
        <p>
          Uddannelsen er tidligere gennemført for {hosts.join(" og ")}. Sådan vurderede deltagerne den:
        </p>
      )}
      <ul className="scores">
        {shown.map((s) => (
          <li className="score" key={`${s.questionKey}-${s.cohortName ?? "alle"}`} data-testid={`score-${s.questionKey}`}>
            <span className="score-label">{s.label}</span>
            <span className="score-value">
              {formatScore(s.mean!)}
              <span className="muted score-scale">
                {" "}
                / {s.scaleMax}
              </span>
            </span>
            <span className="muted">Gennemsnit af {source(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
