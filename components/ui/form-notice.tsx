"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/http/result";
import type { Problem } from "./submit";

/** The outcome of a form's last submission: a status on success, an alert on failure. */
export function FormNotice({ state }: { state: FormState }) {
  return (
    <>
      <ErrorSummary state={state} />
      <SuccessNotice state={state} />
    </>
  );
}

/**
 * A saved form's confirmation. Forms put it beside their submit button, where the person who just
 * pressed it is looking (at the top of a long form it would be out of sight), and bring it into view.
 */
export function SuccessNotice({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = state?.ok && state.message ? state : null;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [shown]);
  if (!shown) return null;
  return (
    <div ref={ref} className="notice" role="status">
      <p>{shown.message}</p>
    </div>
  );
}

/**
 * Why the form was not saved: what the browser found (`problems`) or the server's answer, with the
 * fields to fix, each linked to its field. It takes focus when it appears, unless focus is already on
 * an invalid field (react-hook-form moves it to the first one), so it is both seen and read out.
 */
export function ErrorSummary({
  state,
  problems,
  fieldOf,
}: {
  state: FormState;
  /** The browser's findings from the last attempt to send; they win over an earlier server answer. */
  problems?: Problem[] | null;
  /** The summary entry for a field the server named, if the form shows that field. */
  fieldOf?: (name: string) => Problem | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const seen = useRef(new WeakSet<object>());
  const client = problems && problems.length > 0 ? problems : null;
  const failed = state && !state.ok ? state : null;
  // A new array or a new server answer per submission: focus moves once for each, not on every
  // keystroke, nor when an earlier answer shows again after the browser's findings are cleared.
  const shown = client ?? failed;
  useEffect(() => {
    if (!shown || seen.current.has(shown)) return;
    seen.current.add(shown);
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.getAttribute("aria-invalid") === "true") return;
    ref.current?.focus();
  }, [shown]);
  if (!client && !failed) return null;
  const list: Problem[] = client ?? (fieldOf ? Object.keys(failed?.fieldErrors ?? {}).flatMap((name) => fieldOf(name) ?? []) : []);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <p>{client ? "Ret de markerede felter:" : failed!.message}</p>
      {list.length > 0 && (
        <ul>
          {list.map((p, i) => (
            <li key={`${p.id ?? ""}-${i}`}>
              {p.id ? (
                <a
                  href={`#${p.id}`}
                  onClick={(e) => {
                    const el = document.getElementById(p.id!);
                    if (!el) return;
                    e.preventDefault();
                    el.focus();
                  }}
                >
                  {p.label}
                </a>
              ) : (
                p.label
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
