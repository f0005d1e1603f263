"use client";

import { ErrorSummary, SuccessNotice } from "@/components/ui/form-notice";
import { useSubmitToAction } from "@/components/ui/submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { FormState } from "@/lib/http/result";
import { describedBy } from "@/components/ui/field";
import { SessionFields, sessionFieldLabel, type VenueOption } from "./session-fields";
import { SessionUpdateSchema } from "@/lib/cohorts/schemas";
import { valueAt } from "@/lib/forms";

type Values = { venueId: string; roomId: string; days: Array<{ id: string; date: string; start: string; end: string }> };

/** Move one module's days or change its venue and room. */
export function SessionForm({ action, prefix, initial, venues, summary }: { action: (s: FormState, fd: FormData) => Promise<FormState>; prefix: string; initial: Values; venues: VenueOption[]; summary: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useForm<Values>({ resolver: zodResolver(SessionUpdateSchema) as never, mode: "onTouched", shouldFocusError: true, defaultValues: initial });
  const venueId = useWatch({ control: form.control, name: "venueId" });
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (path: string) =>
    ((path.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], form.formState.errors) as { message?: string } | undefined)?.message) ??
    serverErrors[path];
  const id = (path: string) => `${prefix}-${path.replace(/\./g, "-")}`;
  // The server renders each field's value too (what was posted, else the stored value), so the form
  // is filled and keeps what was typed without JavaScript; react-hook-form takes over when it runs.
  const valueOf = (path: string) => state?.values?.[path] ?? valueAt(initial, path);
  const reg = (path: string) => ({ id: id(path), defaultValue: valueOf(path), ...describedBy(id(path), { error: err(path) }), ...form.register(path as never) });
  const labelOf = (path: string, message?: string) => sessionFieldLabel(path) ?? message ?? path;
  const { problems, onSubmit } = useSubmitToAction(form, formAction, { idOf: id, labelOf });

  return (
    // Open again after a post, so its outcome (and, without JavaScript, its errors) can be seen.
    <details className="action" open={state !== null ? true : undefined}>
      <summary>{summary}</summary>
    <form action={formAction} noValidate onSubmit={onSubmit}>
      <ErrorSummary
        state={state}
        problems={problems}
        fieldOf={(path) => (sessionFieldLabel(path) ? { id: id(path), label: labelOf(path) } : { label: serverErrors[path] ?? path })}
      />
      <SessionFields
        base=""
        venues={venues}
        venueId={venueId}
        dayCount={initial.days.length}
        reg={reg}
        err={err}
        idOf={id}
        dayExtra={(i) => <input type="hidden" defaultValue={valueOf(`days.${i}.id`)} {...form.register(`days.${i}.id` as never)} />}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Gemmer…" : "Gem modulet"}
      </button>
      <SuccessNotice state={state} />
    </form>
    </details>
  );
}
