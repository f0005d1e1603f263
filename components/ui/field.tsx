import type { ReactNode } from "react";

/**
 * A labelled form field with its hint and its error, wired for screen readers. Say whether the field
 * must be filled in: `required` marks it with an asterisk, `required={false}` with "(valgfrit)".
 * Leaving it out marks nothing, so a field is never called optional by default (a select with a
 * fixed list of values always has one and is not optional).
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** true: must be filled in (marked *); false: optional (marked "(valgfrit)"); left out: no marking. */
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required === true && <span aria-hidden="true"> *</span>}
        {required === false && <span className="muted"> (valgfrit)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes for the input inside a Field. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": opts.error ? true : undefined };
}
