"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import type { FormState } from "@/lib/http/result";
import { FormNotice } from "@/components/ui/form-notice";
import { submitToAction } from "@/components/ui/submit";
import { answerField, answerSchemaFor, FREE_TEXT_MAX, type AnswerQuestion } from "@/lib/evaluations/schemas";

/**
 * The participant's evaluation: one fieldset per question, validated per question in the browser with
 * the schema the server parses again, the progress shown as questions are answered, and a plain post
 * without JavaScript.
 */
export function AnswerForm({ action, formId, questions }: { action: (state: FormState, fd: FormData) => Promise<FormState>; formId: string; questions: AnswerQuestion[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const schema = useMemo(() => answerSchemaFor(questions), [questions]);
  const values = (state && !state.ok && state.values) || {};
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(schema as unknown as z.ZodType<Record<string, string>, Record<string, string>>),
    mode: "onTouched",
    defaultValues: Object.fromEntries(questions.map((q) => [answerField(q.id), values[answerField(q.id)] ?? ""])),
  });
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (name: string) => (form.formState.errors[name]?.message as string | undefined) ?? serverErrors[name];
  const watched = useWatch({ control: form.control });
  const answered = questions.filter((q) => (watched[answerField(q.id)] ?? "").trim() !== "").length;
  const clientErrors = questions.filter((q) => form.formState.errors[answerField(q.id)]);

  return (
    <form action={formAction} noValidate onSubmit={submitToAction(form, formAction)} className="evaluation-form">
      <input type="hidden" name="formId" value={formId} />
      <div className="progress" aria-live="polite">
        <label htmlFor="evaluation-progress">
          {answered} af {questions.length} spørgsmål besvaret
        </label>
        <progress id="evaluation-progress" max={questions.length} value={answered} />
      </div>
      <FormNotice state={state} />
      {clientErrors.length > 0 && (
        <div className="error-summary" role="alert">
          <p>Ret {clientErrors.length === 1 ? "dette svar" : `disse ${clientErrors.length} svar`}, før du sender:</p>
          <ul>
            {clientErrors.map((q) => (
              <li key={q.id}>
                <a href={`#${answerField(q.id)}`}>{q.prompt}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {questions.map((q, i) => {
        const name = answerField(q.id);
        const error = err(name);
        const errorId = `${name}-error`;
        const initial = values[name] ?? "";
        const legend = (
          <legend>
            <span className="question-number">Spørgsmål {i + 1} af {questions.length}</span>
            {q.prompt}
            {q.required ? <span aria-hidden="true"> *</span> : <span className="muted"> (valgfrit)</span>}
          </legend>
        );
        const errorText = error && (
          <p className="error" id={errorId} role="alert">
            {error}
          </p>
        );
        if (q.kind === "FREE_TEXT") {
          return (
            <div key={q.id} className={`field question${error ? " field-invalid" : ""}`}>
              <label htmlFor={name} className="question-label">
                <span className="question-number">Spørgsmål {i + 1} af {questions.length}</span>
                {q.prompt}
                {q.required ? <span aria-hidden="true"> *</span> : <span className="muted"> (valgfrit)</span>}
              </label>
              <textarea
                id={name}
                rows={4}
                maxLength={FREE_TEXT_MAX}
                aria-required={q.required || undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                {...form.register(name)}
                defaultValue={initial}
              />
              {errorText}
            </div>
          );
        }
        const options =
          q.kind === "SCALE"
            ? Array.from({ length: (q.scaleMax ?? 10) - (q.scaleMin ?? 1) + 1 }, (_, k) => String((q.scaleMin ?? 1) + k))
            : q.options;
        const endsId = `${name}-ends`;
        return (
          <fieldset
            key={q.id}
            id={name}
            role="radiogroup"
            tabIndex={-1}
            className={`question${error ? " field-invalid" : ""}`}
            aria-required={q.required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={[q.kind === "SCALE" && (q.minLabel || q.maxLabel) ? endsId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
          >
            {legend}
            {q.kind === "SCALE" && (q.minLabel || q.maxLabel) && (
              <p className="scale-ends" id={endsId}>
                <span>{q.minLabel && `${q.scaleMin ?? 1} = ${q.minLabel}`}</span>
                <span>{q.maxLabel && `${q.scaleMax ?? 10} = ${q.maxLabel}`}</span>
              </p>
            )}
            <div className={q.kind === "SCALE" ? "scale" : "choices"}>
              {options.map((o) => (
                <label key={o} className={q.kind === "SCALE" ? "scale-option" : "choice"}>
                  <input type="radio" value={o} {...form.register(name)} defaultChecked={initial === o} />
                  <span>{o}</span>
                </label>
              ))}
            </div>
            {errorText}
          </fieldset>
        );
      })}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Sender…" : "Send mine svar"}
      </button>
    </form>
  );
}
