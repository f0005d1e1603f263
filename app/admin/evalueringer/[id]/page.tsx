import type { Metadata } from "next";
import { EvaluationQuestionForm } from "@/components/admin/forms/evaluation-question-form";
import { EvaluationSettingsForm } from "@/components/admin/forms/evaluation-settings-form";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { evaluationSettingsFields, QUESTION_FIELDS } from "@/components/admin/evaluation-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/notice";
import { adminDetail } from "@/lib/auth/admin-page";
import { evaluationFormOverview } from "@/lib/evaluations/queries";
import { QUESTION_KIND_LABELS } from "@/lib/evaluations/schemas";
import { formatDateTime, localDateIso } from "@/lib/time";
import {
  addQuestionAction,
  inviteAction,
  moveQuestionAction,
  newVersionAction,
  remindAction,
  removeQuestionAction,
  updateFormSettingsAction,
  updateQuestionAction,
} from "../actions";

export const metadata: Metadata = { title: "Evaluering" };

type Props = { params: Promise<{ id: string }> };

export default async function EvaluationFormPage({ params }: Props) {
  const { id, data } = await adminDetail(params, "/admin/evalueringer/[id]", (user, { id }) => evaluationFormOverview(user, id));
  const { form, invited, responded, reminded, responses, mayEdit, closed } = data;
  const versions = form.supersedes || form.supersededBy ? " (alle versioner)" : "";
  const frozen = responses > 0;

  return (
    <main className="wrap narrow">
      <PageHead
        back={{ href: `/admin/hold/${form.cohort.id}/evalueringer`, label: <>Evalueringer for {form.cohort.name}</> }}
        title={
          <>
            {form.title} <span className="badge">Version {form.version}</span> {form.anonymous && <span className="badge">Anonym</span>}
          </>
        }
        lead={
          <>
            {form.cohort.programme.title}, hold {form.cohort.name} – {form.module ? `modul ${form.module.position}: ${form.module.title}` : "hele holdet"}
          </>
        }
      />
      {form.supersededBy && (
        <Notice>
          Denne version er afløst af <Link href={`/admin/evalueringer/${form.supersededBy.id}`}>version {form.supersededBy.version}</Link>. Dens svar og
          resultater er bevaret.
        </Notice>
      )}
      {form.supersedes && (
        <p>
          Afløser <Link href={`/admin/evalueringer/${form.supersedes.id}`}>version {form.supersedes.version}</Link>.
        </p>
      )}
      <ul className="stats" aria-label="Besvarelser">
        <li>
          <strong data-testid="invited">{invited}</strong> inviteret{versions}
        </li>
        <li>
          <strong data-testid="responded">{responded}</strong> har svaret{versions}
        </li>
        <li>
          <strong>{reminded}</strong> påmindet
        </li>
      </ul>
      <p>
        {form.invitedAt ? `Senest inviteret ${formatDateTime(form.invitedAt)}. ` : form.autoInvite ? "Deltagerne inviteres automatisk, når kursusdagene er slut. " : "Deltagerne er ikke inviteret endnu. "}
        {form.closesAt && (closed ? `Svarfristen udløb ${formatDateTime(form.closesAt)}.` : `Svarfrist: ${formatDateTime(form.closesAt)}.`)}{" "}
        <Link href={`/admin/evalueringer/${id}/resultater`}>Se resultater</Link>
      </p>

      {mayEdit && !closed && (
        <section aria-labelledby="invitationer">
          <h2 id="invitationer">Invitationer</h2>
          <p>Invitér nu sender et personligt link til hver deltager med en bekræftet eller gennemført tilmelding, som ikke allerede er inviteret.</p>
          <ActionForm action={inviteAction.bind(null, id)} idPrefix="inviter" fields={[]} submitLabel="Invitér deltagerne nu" pendingLabel="Inviterer…" confirm="Send invitationer til holdets deltagere nu?" />
          {invited > responded && (
            <ActionForm action={remindAction.bind(null, id)} idPrefix="paamind" fields={[]} submitLabel="Send påmindelse nu" pendingLabel="Sender…" confirm="Send én påmindelse til dem, der ikke har svaret?" />
          )}
        </section>
      )}

      <section aria-labelledby="spoergsmaal">
        <h2 id="spoergsmaal">Spørgsmål</h2>
        {frozen && mayEdit && (
          <div className="aside-box">
            <p>Formularen har {responses} {responses === 1 ? "svar" : "svar"}, så spørgsmålene er låst, og resultaterne kan sammenlignes. Vil du ændre dem, så opret en ny version: ubrugte links går videre til den.</p>
            <ActionForm action={newVersionAction.bind(null, id)} idPrefix="ny-version" fields={[]} submitLabel="Opret ny version" pendingLabel="Opretter…" confirm="Opret en ny version af formularen?" />
          </div>
        )}
        {form.questions.length === 0 && <p>Formularen har ingen spørgsmål endnu.</p>}
        <ol className="question-list">
          {form.questions.map((q, i) => (
            <li key={q.id}>
              <p>
                <strong>{q.prompt}</strong>
                <br />
                <span className="muted">
                  {QUESTION_KIND_LABELS[q.kind]}
                  {q.required ? ", skal besvares" : ", frivilligt"} – nøgle {q.key}
                  {q.kind === "SCALE" && q.minLabel && ` – 1: ${q.minLabel}, 10: ${q.maxLabel ?? ""}`}
                  {q.kind === "SINGLE_CHOICE" && ` – ${q.options.join(" / ")}`}
                </span>
              </p>
              {mayEdit && !frozen && (
                <details>
                  <summary>Ret spørgsmål {i + 1}</summary>
                  <EvaluationQuestionForm
                    action={updateQuestionAction.bind(null, id, q.id)}
                    idPrefix={`q-${q.id}`}
                    fields={QUESTION_FIELDS.map((f) => ({
                      ...f,
                      defaultValue:
                        f.name === "options" ? q.options.join("\n") : f.name === "required" ? (q.required ? "on" : "") : String(q[f.name as "kind" | "prompt" | "minLabel" | "maxLabel" | "key"] ?? ""),
                    }))}
                    submitLabel="Gem spørgsmålet"
                    pendingLabel="Gemmer…"
                  />
                  <div className="button-row">
                    {i > 0 && <ActionForm action={moveQuestionAction.bind(null, id, q.id, "up")} idPrefix={`op-${q.id}`} fields={[]} submitLabel="Flyt op" pendingLabel="Flytter…" />}
                    {i < form.questions.length - 1 && (
                      <ActionForm action={moveQuestionAction.bind(null, id, q.id, "down")} idPrefix={`ned-${q.id}`} fields={[]} submitLabel="Flyt ned" pendingLabel="Flytter…" />
                    )}
                    <ActionForm action={removeQuestionAction.bind(null, id, q.id)} idPrefix={`slet-${q.id}`} fields={[]} submitLabel="Slet spørgsmålet" pendingLabel="Sletter…" confirm="Slet spørgsmålet?" />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
        {mayEdit && !frozen && (
          <details>
            <summary>Tilføj spørgsmål</summary>
            <EvaluationQuestionForm
              action={addQuestionAction.bind(null, id)}
              idPrefix="nyt-spoergsmaal"
              fields={QUESTION_FIELDS.map((f) => ({ ...f, defaultValue: f.name === "kind" ? "SCALE" : f.name === "required" ? "on" : undefined }))}
              submitLabel="Tilføj spørgsmålet"
              pendingLabel="Tilføjer…"
            />
          </details>
        )}
      </section>

      {mayEdit && (
        <section aria-labelledby="indstillinger">
          <h2 id="indstillinger">Indstillinger</h2>
          <EvaluationSettingsForm
            action={updateFormSettingsAction.bind(null, id)}
            idPrefix="indstillinger"
            fields={evaluationSettingsFields(form.cohort.sessions.map((s) => s.module)).map((f) => ({
              ...f,
              defaultValue:
                f.name === "title" ? form.title
                : f.name === "moduleId" ? (form.moduleId ?? "")
                : f.name === "closesOn" ? (form.closesAt ? localDateIso(form.closesAt) : "")
                : f.name === "reminderAfterDays" ? String(form.reminderAfterDays)
                : f.name === "anonymous" ? (form.anonymous ? "on" : "")
                : f.name === "autoInvite" ? (form.autoInvite ? "on" : "")
                : undefined,
            }))}
            submitLabel="Gem indstillingerne"
            pendingLabel="Gemmer…"
          />
        </section>
      )}
    </main>
  );
}
