import { startTransition, useState, type FormEvent } from "react";
import type { FieldErrors, FieldValues, UseFormReturn } from "react-hook-form";
import { errorList } from "@/lib/forms";

/** One problem in a form's error summary: the field's label, linked to the field when it is on the page. */
export type Problem = { id?: string; label: string };

/**
 * onSubmit for a form that validates with react-hook-form and then posts to its server action.
 * Without JavaScript the browser posts the form to the same action, which validates again.
 */
export function submitToAction<T extends FieldValues>(
  form: UseFormReturn<T>,
  formAction: (fd: FormData) => void,
  before?: () => boolean,
  onInvalid?: (errors: FieldErrors<T>) => void,
) {
  return (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    void form.handleSubmit(() => {
      if (before && !before()) return;
      startTransition(() => formAction(new FormData(el)));
    }, onInvalid)(event);
  };
}

/**
 * submitToAction plus what the browser found wrong, for the form's error summary: react-hook-form
 * moves focus to the first invalid field (shouldFocusError), the summary names every field to fix,
 * in the order they stand on the page. Cleared when the form passes and is sent.
 */
export function useSubmitToAction<T extends FieldValues>(
  form: UseFormReturn<T>,
  formAction: (fd: FormData) => void,
  /** labelOf names the field at a path in the summary; for an error of no one field it may return the message. */
  opts: { idOf: (path: string) => string; labelOf: (path: string, message: string) => string; before?: () => boolean },
) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const onSubmit = submitToAction(
    form,
    formAction,
    () => {
      setProblems(null);
      return !opts.before || opts.before();
    },
    (errors) => setProblems(problemsOnPage(errorList(errors), opts.idOf, opts.labelOf)),
  );
  return { problems, onSubmit };
}

/** Problems by their fields' order on the page; a path without an element (an array's own error) goes last, unlinked. */
function problemsOnPage(errors: Array<{ path: string; message: string }>, idOf: (path: string) => string, labelOf: (path: string, message: string) => string): Problem[] {
  const placed = errors.map((e) => {
    const el = typeof document === "undefined" ? null : document.getElementById(idOf(e.path));
    return { label: labelOf(e.path, e.message), id: el ? el.id : undefined, el };
  });
  placed.sort((a, b) => (a.el && b.el ? (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.el ? -1 : b.el ? 1 : 0));
  const seen = new Set<string>();
  return placed.filter((p) => !seen.has(`${p.id}|${p.label}`) && seen.add(`${p.id}|${p.label}`)).map(({ id, label }) => ({ id, label }));
}
