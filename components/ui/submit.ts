import { startTransition, type FormEvent } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * onSubmit for a form that validates with react-hook-form and then posts to its server action.
 * Without JavaScript the browser posts the form to the same action, which validates again.
 */
export function submitToAction<T extends FieldValues>(form: UseFormReturn<T>, formAction: (fd: FormData) => void, before?: () => boolean) {
  return (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    void form.handleSubmit(() => {
      if (before && !before()) return;
      startTransition(() => formAction(new FormData(el)));
    })(event);
  };
}
