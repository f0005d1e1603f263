"use client";

import { useSubmitToAction } from "@/components/ui/submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, type ChangeEvent, type FocusEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { describedBy, Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/form-notice";
import { SessionFields, sessionFieldLabel, type VenueOption } from "./session-fields";
import type { FormState } from "@/lib/http/result";
import { CohortCreateSchema, type CohortCreateValues } from "@/lib/cohorts/schemas";
import { valueAt } from "@/lib/forms";

type ModuleOption = { id: string; position: number; title: string; durationDays: number };

const LABELS: Record<string, string> = {
  programmeId: "Uddannelse",
  name: "Navn",
  slug: "Adresse (i URL’en)",
  capacity: "Antal pladser",
  enrolmentOpens: "Tilmelding åbner",
  enrolmentCloses: "Tilmeldingsfrist",
  priceOverrideKr: "Særlig pris for holdet",
};

/** Create a cohort: one session per module is proposed, each with its days, venue and room. */
export function CohortForm({
  action,
  programmeId,
  modules,
  venues,
}: {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  programmeId: string;
  modules: ModuleOption[];
  venues: VenueOption[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const defaults: Partial<CohortCreateValues> & Pick<CohortCreateValues, "sessions"> = {
    programmeId,
    capacity: 30,
    priceOverrideKr: "",
    sessions: modules.map((m) => ({
      moduleId: m.id,
      venueId: venues.length === 1 ? venues[0]!.id : "",
      roomId: "",
      days: Array.from({ length: m.durationDays }, () => ({ date: "", start: "09:00", end: "16:00" })),
    })),
  };
  const form = useForm<CohortCreateValues>({
    resolver: zodResolver(CohortCreateSchema),
    mode: "onTouched",
    shouldFocusError: true,
    defaultValues: defaults,
  });
  const sessions = useWatch({ control: form.control, name: "sessions" });
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (path: string): string | undefined => {
    const e = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
      | { message?: string }
      | undefined;
    return e?.message ?? serverErrors[path];
  };
  const idOf = (path: string) => path.replace(/\./g, "-");
  const labelOf = (path: string, message?: string) => {
    const s = /^sessions\.(\d+)\.(.+)$/.exec(path);
    const m = s ? modules[Number(s[1])] : undefined;
    const inSession = s ? sessionFieldLabel(s[2]!) : undefined;
    if (m && inSession) return `Modul ${m.position}: ${inSession}`;
    return LABELS[path] ?? message ?? path;
  };

  // Rules across fields (lib/cohorts/schemas.ts) put their message on one field, but the value that
  // breaks them may be typed in another. When that other field changes, check the field carrying the
  // message again, if the person has been there or it shows an error, so no stale message stays.
  const dayStarts = modules.flatMap((m, si) => Array.from({ length: m.durationDays }, (_, di) => `sessions.${si}.days.${di}.start`));
  const dependents = (path: string): string[] => {
    if (path === "enrolmentOpens") return ["enrolmentCloses"];
    if (/^sessions\.\d+\.days\.\d+\.date$/.test(path)) return ["enrolmentOpens", ...dayStarts];
    if (/^sessions\.\d+\.days\.\d+\.(start|end)$/.test(path)) return dayStarts;
    return [];
  };
  const recheck = (path: string) => {
    const due = dependents(path).filter((d) => {
      if (d === path) return false;
      const s = form.getFieldState(d as never);
      return s.isTouched || !!s.error;
    });
    if (due.length) void form.trigger(due as never);
  };
  const reg = (path: string) => {
    const r = form.register(path as never);
    return {
      id: idOf(path),
      // Rendered by the server too: without JavaScript the form posts itself and keeps what was typed.
      defaultValue: state?.values?.[path] ?? valueAt(defaults, path),
      ...describedBy(idOf(path), { error: err(path) }),
      ...r,
      onChange: async (e: ChangeEvent) => {
        await r.onChange(e);
        recheck(path);
      },
      onBlur: async (e: FocusEvent) => {
        await r.onBlur(e);
        recheck(path);
      },
    };
  };
  const { problems, onSubmit } = useSubmitToAction(form, formAction, { idOf, labelOf });

  return (
    <form action={formAction} noValidate onSubmit={onSubmit}>
      <ErrorSummary
        state={state}
        problems={problems}
        fieldOf={(path) => (path in LABELS && path !== "programmeId") || /^sessions\.\d+\./.test(path) ? { id: idOf(path), label: labelOf(path) } : { label: serverErrors[path] ?? path }}
      />
      <input type="hidden" defaultValue={programmeId} {...form.register("programmeId")} />
      <fieldset>
        <legend>Holdet</legend>
        <Field id="name" label="Navn" required hint="Fx “Efterår 2027”" error={err("name")}>
          <input type="text" maxLength={100} aria-required {...reg("name")} />
        </Field>
        <Field id="slug" label="Adresse (i URL’en)" required hint="Små bogstaver, tal og bindestreger, fx efteraar-2027" error={err("slug")}>
          <input type="text" maxLength={60} aria-required {...reg("slug")} />
        </Field>
        <Field id="capacity" label="Antal pladser" required error={err("capacity")}>
          <input type="number" min={1} max={1000} aria-required {...reg("capacity")} />
        </Field>
        <div className="field-row">
          <Field id="enrolmentOpens" label="Tilmelding åbner" required error={err("enrolmentOpens")}>
            <input type="date" aria-required {...reg("enrolmentOpens")} />
          </Field>
          <Field id="enrolmentCloses" label="Tilmeldingsfrist" required error={err("enrolmentCloses")}>
            <input type="date" aria-required {...reg("enrolmentCloses")} />
          </Field>
        </div>
        <Field id="priceOverrideKr" label="Særlig pris for holdet (kr. ekskl. moms)" required={false} hint="Tom: uddannelsens listepris" error={err("priceOverrideKr")}>
          <input type="text" inputMode="decimal" maxLength={20} {...reg("priceOverrideKr")} />
        </Field>
      </fieldset>

      {modules.map((m, si) => {
        return (
          <fieldset key={m.id}>
            <legend>
              Modul {m.position}: {m.title}
            </legend>
            <input type="hidden" defaultValue={defaults.sessions[si]?.moduleId} {...form.register(`sessions.${si}.moduleId`)} />
            <SessionFields
              base={`sessions.${si}.`}
              venues={venues}
              venueId={sessions?.[si]?.venueId}
              dayCount={m.durationDays}
              reg={reg}
              err={err}
              idOf={idOf}
            />
          </fieldset>
        );
      })}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Opretter…" : "Opret hold som kladde"}
      </button>
    </form>
  );
}
