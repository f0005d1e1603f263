"use client";

import { ErrorSummary, SuccessNotice } from "@/components/ui/form-notice";
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/http/result";
import { describedBy, Field } from "@/components/ui/field";
import { Options, optionsOf } from "@/components/ui/options";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

const LABELS: Record<string, string> = { name: "Navn", role: "Rolle", password: "Ny adgangskode" };

/** Edit a staff user: name, role, access, a new password, and the cohorts a teacher teaches. */
export function UserForm({
  action,
  user,
  cohorts,
}: {
  action: (s: FormState, fd: FormData) => Promise<FormState>;
  user: { name: string; role: Role; active: boolean; cohortIds: string[] };
  cohorts: Array<{ id: string; label: string }>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [role, setRole] = useState<Role>(user.role);
  const err = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  return (
    <form action={formAction}>
      <ErrorSummary state={state} fieldOf={(k) => (LABELS[k] ? { id: `user-${k}`, label: LABELS[k] } : undefined)} />
      <Field id="user-name" label="Navn" required error={err("name")}>
        <input id="user-name" name="name" type="text" maxLength={200} defaultValue={user.name} aria-required {...describedBy("user-name", { error: err("name") })} />
      </Field>
      <Field id="user-role" label="Rolle" required error={err("role")}>
        <select id="user-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <Options options={optionsOf(ROLE_LABELS)} />
        </select>
      </Field>
      <div className="field">
        <label className="choice">
          <input type="checkbox" name="active" defaultChecked={user.active} /> Har adgang (fjern fluebenet for at spærre brugeren)
        </label>
      </div>
      <Field id="user-password" label="Ny adgangskode" required={false} hint="Kun hvis den skal skiftes. Mindst 12 tegn." error={err("password")}>
        <input id="user-password" name="password" type="password" {...describedBy("user-password", { hint: true, error: err("password") })} maxLength={1024} autoComplete="new-password" />
      </Field>
      {role === "TEACHER" && (
        <fieldset>
          <legend>Underviser på hold</legend>
          {cohorts.length === 0 && <p>Der er ingen aktive hold.</p>}
          {cohorts.map((c) => (
            <label key={c.id} className="choice">
              <input type="checkbox" name="cohorts" value={c.id} defaultChecked={user.cohortIds.includes(c.id)} /> {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Gemmer…" : "Gem brugeren"}
      </button>
      <SuccessNotice state={state} />
    </form>
  );
}
