"use client";

import { submitToAction } from "@/components/ui/submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { describedBy, Field } from "@/components/ui/field";
import { SessionFields, type VenueOption } from "./session-fields";
import type { FormState } from "@/components/ui/action-form";
import { CohortCreateSchema, type CohortCreateValues } from "@/lib/cohorts/schemas";

type ModuleOption = { id: string; position: number; title: string; durationDays: number };

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
  const form = useForm<CohortCreateValues>({
    resolver: zodResolver(CohortCreateSchema),
    mode: "onTouched",
    defaultValues: {
      programmeId,
      capacity: 30,
      priceOverrideKr: "",
      sessions: modules.map((m) => ({
        moduleId: m.id,
        venueId: venues.length === 1 ? venues[0]!.id : "",
        roomId: "",
        days: Array.from({ length: m.durationDays }, () => ({ date: "", start: "09:00", end: "16:00" })),
      })),
    },
  });
  const sessions = useWatch({ control: form.control, name: "sessions" });
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (path: string): string | undefined => {
    const e = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
      | { message?: string }
      | undefined;
    return e?.message ?? serverErrors[path];
  };
  const reg = (path: string) => ({ id: path.replace(/\./g, "-"), ...describedBy(path.replace(/\./g, "-"), { error: err(path) }), ...form.register(path as never) });

  return (
    <form
      noValidate
      onSubmit={submitToAction(form, formAction)}
    >
      {state && !state.ok && (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
          {serverErrors.sessions && <p>{serverErrors.sessions}</p>}
        </div>
      )}
      <input type="hidden" {...form.register("programmeId")} />
      <fieldset>
        <legend>Holdet</legend>
        <Field id="name" label="Navn" required hint="Fx “Efterår 2027”" error={err("name")}>
          <input type="text" maxLength={100} {...reg("name")} id="name" />
        </Field>
        <Field id="slug" label="Adresse (i URL’en)" required hint="Små bogstaver, tal og bindestreger, fx efteraar-2027" error={err("slug")}>
          <input type="text" maxLength={60} {...reg("slug")} id="slug" />
        </Field>
        <Field id="capacity" label="Antal pladser" required error={err("capacity")}>
          <input type="number" min={1} max={1000} {...reg("capacity")} id="capacity" />
        </Field>
        <div className="field-row">
          <Field id="enrolmentOpens" label="Tilmelding åbner" required error={err("enrolmentOpens")}>
            <input type="date" {...reg("enrolmentOpens")} id="enrolmentOpens" />
          </Field>
          <Field id="enrolmentCloses" label="Tilmeldingsfrist" required error={err("enrolmentCloses")}>
            <input type="date" {...reg("enrolmentCloses")} id="enrolmentCloses" />
          </Field>
        </div>
        <Field id="priceOverrideKr" label="Særlig pris for holdet (kr. ekskl. moms)" hint="Tom: uddannelsens listepris" error={err("priceOverrideKr")}>
          <input type="text" inputMode="numeric" maxLength={12} {...reg("priceOverrideKr")} id="priceOverrideKr" />
        </Field>
      </fieldset>

      {modules.map((m, si) => {
        return (
          <fieldset key={m.id}>
            <legend>
              Modul {m.position}: {m.title}
            </legend>
            <input type="hidden" {...form.register(`sessions.${si}.moduleId`)} />
            <SessionFields
              base={`sessions.${si}.`}
              venues={venues}
              venueId={sessions?.[si]?.venueId}
              dayCount={m.durationDays}
              reg={reg}
              err={err}
              idOf={(path) => path.replace(/\./g, "-")}
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
