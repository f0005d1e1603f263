"use client";

import { ErrorSummary, SuccessNotice } from "./form-notice";
import { useSubmitToAction } from "./submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CancelEnrolmentSchema, CohortStatusSchema, CohortUpdateSchema } from "@/lib/cohorts/schemas";
import { CohortMessageSchema } from "@/lib/cohort-messages/schemas";
import {
  AdminEnrolmentEditSchema,
  CancellationRequestSchema,
  ColleagueSchema,
  MoveEnrolmentSchema,
  NeedsSchema,
  PersonDetailsSchema,
  ResendLinkSchema,
} from "@/lib/enrolment/schemas";
import { FormSettingsSchema, PublishScoreSchema, QuestionSchema } from "@/lib/evaluations/schemas";
import { SellerConfigSchema } from "@/lib/invoicing/schemas";
import { ModuleSchema, ProgrammeSchema } from "@/lib/programmes/schemas";
import { UserCreateSchema } from "@/lib/users/schemas";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { ActivitySchema, BehaviourSchema, EffectSchema, PreconditionSchema, ShareSchema, WorkspaceBasicsSchema, WorkspaceCreateSchema } from "@/lib/workspace/schemas";
import type { FormState } from "@/lib/http/result";

export type { FormState };
import { describedBy, Field } from "./field";

// Client-side schemas by name: a server component cannot hand a zod schema to a client component.
const SCHEMAS = {
  colleague: ColleagueSchema,
  needs: NeedsSchema,
  personDetails: PersonDetailsSchema,
  resendLink: ResendLinkSchema,
  cancellation: CancellationRequestSchema,
  cancelEnrolment: CancelEnrolmentSchema,
  cohortStatus: CohortStatusSchema,
  cohortUpdate: CohortUpdateSchema,
  cohortMessage: CohortMessageSchema,
  enrolmentEdit: AdminEnrolmentEditSchema,
  moveEnrolment: MoveEnrolmentSchema,
  programme: ProgrammeSchema,
  module: ModuleSchema,
  userCreate: UserCreateSchema,
  venue: VenueSchema,
  room: RoomSchema,
  evaluationSettings: FormSettingsSchema,
  evaluationQuestion: QuestionSchema,
  publishScore: PublishScoreSchema,
  sellerConfig: SellerConfigSchema,
  workspaceCreate: WorkspaceCreateSchema,
  workspaceBasics: WorkspaceBasicsSchema,
  workspaceBehaviour: BehaviourSchema,
  workspacePrecondition: PreconditionSchema,
  workspaceActivity: ActivitySchema,
  workspaceEffect: EffectSchema,
  workspaceShare: ShareSchema,
  none: null,
} as const;

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "number" | "date" | "password" | "textarea" | "select" | "checkbox";
  options?: Array<{ value: string; label: string }>;
  /**
   * Say it for every field but a checkbox: true marks the field "*", false marks it "(valgfrit)",
   * left out marks nothing. A select with no empty choice always has a value: required, not optional.
   */
  required?: boolean;
  hint?: string;
  maxLength?: number;
  autoComplete?: string;
  defaultValue?: string;
};


/**
 * What a field shows: what was posted when the last submission came back refused, else its default.
 * A checkbox the browser did not post was unchecked, so it stays unchecked rather than falling back to
 * its default (without JavaScript a refused form would otherwise switch it back on).
 */
export function initialValue(f: FieldSpec, state: FormState): string {
  const posted = state && !state.ok ? state.values : undefined;
  if (f.type === "checkbox") return (posted ? posted[f.name] : f.defaultValue) === "on" ? "on" : "";
  return posted?.[f.name] ?? f.defaultValue ?? "";
}

/**
 * A small form posting to a server action: validated in the browser with the same zod schema the
 * server parses, field errors from either side shown at the field, and a plain post without JS.
 */
export function ActionForm({
  action,
  schema,
  fields,
  submitLabel,
  pendingLabel,
  confirm,
  idPrefix,
  details,
  resetOnSuccess,
}: {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  schema: keyof typeof SCHEMAS;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  confirm?: string;
  /** Prefix for the fields' ids, so two forms on one page never share an id. Defaults to the schema's name. */
  idPrefix?: string;
  /**
   * Puts the form in a disclosure with this summary. It is open whenever the form has an answer to
   * show, so a confirmation or an error is never hidden in a closed <details> (e.g. after a post
   * without JavaScript, when the page is rendered anew).
   */
  details?: string;
  /**
   * Empties the fields (back to their defaults) after a successful save: for forms that add something,
   * so a second room does not silently get the first one's values. Without JavaScript the page comes
   * back with the defaults anyway.
   */
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const zodSchema = SCHEMAS[schema] as z.ZodType<Record<string, unknown>, Record<string, unknown>> | null;
  const form = useForm<Record<string, unknown>>({
    resolver: zodSchema ? zodResolver(zodSchema) : undefined,
    mode: "onTouched",
    shouldFocusError: true,
    defaultValues: Object.fromEntries(fields.map((f) => [f.name, f.type === "checkbox" ? initialValue(f, state) === "on" : initialValue(f, state)])),
  });
  useEffect(() => {
    if (resetOnSuccess && state?.ok) form.reset(Object.fromEntries(fields.map((f) => [f.name, f.type === "checkbox" ? f.defaultValue === "on" : (f.defaultValue ?? "")])));
    // Once per answer from the server: `fields` and `form` are new objects on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (name: string) => (form.formState.errors[name]?.message as string | undefined) ?? serverErrors[name];
  const idOf = (name: string) => `${idPrefix ?? schema}-${name}`;
  // Rendered into the HTML as well, so the fields show their values before (or without) JavaScript.
  const initialOf = (f: FieldSpec) => initialValue(f, state);
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  const { problems, onSubmit } = useSubmitToAction(form, formAction, { idOf, labelOf, before: () => !confirm || window.confirm(confirm) });

  const body = (
    <form action={formAction} noValidate onSubmit={onSubmit}>
      <ErrorSummary
        state={state}
        problems={problems}
        fieldOf={(name) => (fields.some((f) => f.name === name) ? { id: idOf(name), label: labelOf(name) } : undefined)}
      />
      {fields.map((f) => {
        const id = idOf(f.name);
        const aria = { ...describedBy(id, { hint: !!f.hint, error: err(f.name) }), "aria-required": f.required || undefined };
        if (f.type === "checkbox") {
          return (
            <div key={f.name} className={`field${err(f.name) ? " field-invalid" : ""}`}>
              <label className="choice">
                <input id={id} type="checkbox" {...aria} {...form.register(f.name)} defaultChecked={initialOf(f) === "on"} /> {f.label}
              </label>
              {err(f.name) && (
                <p className="error" id={`${id}-error`} role="alert">
                  {err(f.name)}
                </p>
              )}
            </div>
          );
        }
        return (
          <Field key={f.name} id={id} label={f.label} hint={f.hint} error={err(f.name)} required={f.required}>
            {f.type === "select" ? (
              <select id={id} {...aria} {...form.register(f.name)} defaultValue={initialOf(f)}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === "textarea" ? (
              <textarea id={id} rows={3} maxLength={f.maxLength} {...aria} {...form.register(f.name)} defaultValue={initialOf(f)} />
            ) : (
              <input id={id} type={f.type ?? "text"} maxLength={f.maxLength} autoComplete={f.autoComplete} {...aria} {...form.register(f.name)} defaultValue={initialOf(f)} />
            )}
          </Field>
        );
      })}
      <button className="button" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <SuccessNotice state={state} />
    </form>
  );
  if (!details) return body;
  return (
    <details className="action" open={state ? true : undefined}>
      <summary>{details}</summary>
      {body}
    </details>
  );
}
