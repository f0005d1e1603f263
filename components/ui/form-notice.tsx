import type { FormState } from "./action-form";

/** The outcome of a form's last submission: a status on success, an alert on failure. */
export function FormNotice({ state }: { state: FormState }) {
  if (!state) return null;
  return (
    <div className={state.ok ? "notice" : "error-summary"} role={state.ok ? "status" : "alert"}>
      <p>{state.message}</p>
    </div>
  );
}
