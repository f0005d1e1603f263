"use client";

import { FormNotice } from "@/components/ui/form-notice";
import { submitToAction } from "@/components/ui/submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { FormState } from "@/components/ui/action-form";
import { describedBy, Field } from "@/components/ui/field";
import { SessionUpdateSchema } from "@/lib/cohorts/schemas";

type Venue = { id: string; name: string; rooms: Array<{ id: string; name: string; capacity: number }> };
type Values = { venueId: string; roomId: string; days: Array<{ id: string; date: string; start: string; end: string }> };

/** Move one module's days or change its venue and room. */
export function SessionForm({ action, prefix, initial, venues }: { action: (s: FormState, fd: FormData) => Promise<FormState>; prefix: string; initial: Values; venues: Venue[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useForm<Values>({ resolver: zodResolver(SessionUpdateSchema) as never, mode: "onTouched", defaultValues: initial });
  const venueId = useWatch({ control: form.control, name: "venueId" });
  const venue = venues.find((v) => v.id === venueId);
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (path: string) =>
    ((path.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], form.formState.errors) as { message?: string } | undefined)?.message) ??
    serverErrors[path];
  const id = (path: string) => `${prefix}-${path.replace(/\./g, "-")}`;
  const reg = (path: string) => ({ id: id(path), ...describedBy(id(path), { error: err(path) }), ...form.register(path as never) });

  return (
    <form
      noValidate
      onSubmit={submitToAction(form, formAction)}
    >
      <FormNotice state={state} />
      <Field id={id("venueId")} label="Sted" error={err("venueId")}>
        <select {...reg("venueId")}>
          <option value="">Intet sted endnu</option>
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </Field>
      {venue && venue.rooms.length > 0 && (
        <Field id={id("roomId")} label="Lokale" error={err("roomId")}>
          <select {...reg("roomId")}>
            <option value="">Intet lokale endnu</option>
            {venue.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.capacity} pladser)
              </option>
            ))}
          </select>
        </Field>
      )}
      {initial.days.map((d, i) => (
        <div className="field-row" key={d.id}>
          <input type="hidden" {...form.register(`days.${i}.id` as never)} />
          <Field id={id(`days.${i}.date`)} label={`Dag ${i + 1}`} required error={err(`days.${i}.date`)}>
            <input type="date" {...reg(`days.${i}.date`)} />
          </Field>
          <Field id={id(`days.${i}.start`)} label="Fra" required error={err(`days.${i}.start`)}>
            <input type="time" {...reg(`days.${i}.start`)} />
          </Field>
          <Field id={id(`days.${i}.end`)} label="Til" required error={err(`days.${i}.end`)}>
            <input type="time" {...reg(`days.${i}.end`)} />
          </Field>
        </div>
      ))}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Gemmer…" : "Gem modulet"}
      </button>
    </form>
  );
}
