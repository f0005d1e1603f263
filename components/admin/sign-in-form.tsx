"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  INVALID: "E-mail eller adgangskode er forkert.",
  LOCKED: "Der har været for mange forkerte forsøg med denne e-mail. Prøv igen om 15 minutter.",
  RATE_LIMITED: "For mange forsøg herfra. Prøv igen om lidt.",
};

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    // method="post": submitted before the script has loaded (or without JavaScript), the browser must
    // not put the password into the address as a GET would; the page then simply shows again.
    <form
      method="post"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const fd = new FormData(event.currentTarget);
        const email = String(fd.get("email") ?? "").trim();
        const password = String(fd.get("password") ?? "");
        if (!email || !password) {
          setError("Skriv din e-mail og din adgangskode.");
          return;
        }
        setPending(true);
        setError(null);
        const res = await signIn("credentials", { email, password, redirect: false });
        if (res?.ok && !res.error) {
          window.location.assign(returnTo);
          return;
        }
        setPending(false);
        setError(MESSAGES[res?.error ?? ""] ?? MESSAGES.INVALID!);
      }}
    >
      <noscript>
        <p className="notice-info">Log ind kræver JavaScript. Slå JavaScript til i din browser, og prøv igen.</p>
      </noscript>
      {error && (
        <div className="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <Field id="email" label="E-mail" required>
        <input id="email" name="email" type="email" autoComplete="username" maxLength={254} />
      </Field>
      <Field id="password" label="Adgangskode" required>
        <input id="password" name="password" type="password" autoComplete="current-password" maxLength={1024} />
      </Field>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Logger ind…" : "Log ind"}
      </button>
    </form>
  );
}
