"use client";

import { submitToAction } from "@/components/ui/submit";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useRef, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { describedBy, Field } from "@/components/ui/field";
import { ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS, EnrolmentSchema, type EnrolmentFormState, type EnrolmentFormValues } from "@/lib/enrolment/schemas";
import { MUNICIPALITIES, municipalityDisplayName } from "@/lib/organisations/municipalities";

type Action = (state: EnrolmentFormState, formData: FormData) => Promise<EnrolmentFormState>;

const noSubscription = () => () => {};
const sortedMunicipalities = [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, "da"));

// The page holding this form is cached and served alike to everybody (lib/public-cache), so nothing in
// its HTML may belong to one visitor. The retry key that makes a double submit one enrolment is made
// here, in each visitor's browser; without JavaScript the form posts none (the one-enrolment-per-person
// rule still holds), and a key the server sent back with an error is kept for the retry.
// One key per page load: a retry after an error reuses it, another visitor's browser makes its own.
let pageRetryKey: string | undefined;
function browserRetryKey(): string {
  pageRetryKey ??= Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  return pageRetryKey;
}
const noRetryKey = () => "";

export function EnrolmentForm({ action, termsText, waitlist }: { action: Action; termsText: string; waitlist: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Before hydration (or without JavaScript) every section shows; afterwards only the relevant ones.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  const initial = (state && !state.ok && state.values) || {};
  const form = useForm<EnrolmentFormValues>({
    resolver: zodResolver(EnrolmentSchema),
    mode: "onTouched",
    defaultValues: { orgType: "MUNICIPALITY", ...initial, acceptTerms: initial.acceptTerms === "on", acceptPrivacy: initial.acceptPrivacy === "on" },
  });
  // "" in the server's HTML (shared by everybody), this browser's own key once hydrated.
  const retryKey = useSyncExternalStore(noSubscription, browserRetryKey, noRetryKey);
  const { register, formState } = form;
  const orgType = useWatch({ control: form.control, name: "orgType" });
  const serverErrors = (state && !state.ok && state.fieldErrors) || {};
  const err = (name: keyof EnrolmentFormValues) => formState.errors[name]?.message?.toString() ?? serverErrors[name];

  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  const show = (when: boolean) => !hydrated || when;
  // Whether a field that depends on the workplace is required: before hydration (and without
  // JavaScript) every section shows, so none is marked either way and the hints say who fills it in.
  const requiredIf = (when: boolean) => (hydrated ? when : undefined);
  const input = (
    name: keyof EnrolmentFormValues,
    opts: { hint?: boolean; type?: string; autoComplete?: string; maxLength?: number; inputMode?: "numeric" | "tel" | "email"; required?: boolean } = {},
  ) => ({
    id: name,
    // Only <input> takes a type; select and textarea pass type: undefined.
    type: opts.type,
    "aria-required": opts.required || undefined,
    autoComplete: opts.autoComplete,
    maxLength: opts.maxLength,
    inputMode: opts.inputMode,
    ...describedBy(name, { hint: opts.hint, error: err(name) }),
    ...register(name),
    // Rendered into the HTML too, so that without JavaScript nothing typed is lost after a server error.
    defaultValue: typeof initial[name] === "string" ? initial[name] : undefined,
  });

  if (state?.ok) {
    return (
      <div className="notice" role="status">
        <p>{state.message}</p>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={submitToAction(form, formAction)}
      className="enrolment-form"
    >
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {state && !state.ok && (
          <div className="error-summary" role="alert">
            <p>{state.message}</p>
          </div>
        )}
      </div>
      <input type="hidden" name="idempotencyKey" readOnly value={(typeof initial.idempotencyKey === "string" && initial.idempotencyKey) || retryKey} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">Lad dette felt være tomt</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>

      <fieldset>
        <legend>Deltager</legend>
        <Field id="name" label="Navn" required error={err("name")}>
          <input {...input("name", { type: "text", autoComplete: "name", maxLength: 200, required: true })} />
        </Field>
        <Field id="email" label="E-mail" required hint="Hertil sender vi bekræftelsen og dit personlige link." error={err("email")}>
          <input {...input("email", { type: "email", autoComplete: "email", hint: true, maxLength: 254, inputMode: "email", required: true })} />
        </Field>
        <Field id="phone" label="Telefon" required error={err("phone")}>
          <input {...input("phone", { type: "tel", autoComplete: "tel", maxLength: 30, inputMode: "tel", required: true })} />
        </Field>
        <Field id="jobTitle" label="Stillingsbetegnelse" required error={err("jobTitle")}>
          <input {...input("jobTitle", { type: "text", autoComplete: "organization-title", maxLength: 200, required: true })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>Arbejdsplads</legend>
        <div className="field" role="radiogroup" aria-labelledby="orgType-label">
          <p id="orgType-label" className="label">Jeg er ansat i</p>
          {ORGANISATION_TYPES.map((t) => (
            <label key={t} className="choice">
              <input type="radio" value={t} {...register("orgType")} defaultChecked={(initial.orgType ?? "MUNICIPALITY") === t} /> {ORGANISATION_TYPE_LABELS[t]}
            </label>
          ))}
          {err("orgType") && <p className="error" role="alert">{err("orgType")}</p>}
        </div>
        {show(orgType === "MUNICIPALITY") && (
          <Field id="municipalityCode" label="Kommune" required={requiredIf(orgType === "MUNICIPALITY")} hint={hydrated ? undefined : "Kun hvis du er ansat i en kommune."} error={err("municipalityCode")}>
            <select {...input("municipalityCode", { hint: !hydrated, required: requiredIf(orgType === "MUNICIPALITY") })}>
              <option value="">Vælg kommune</option>
              {sortedMunicipalities.map((m) => (
                <option key={m.code} value={String(m.code)}>
                  {municipalityDisplayName(m)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {show(orgType !== "MUNICIPALITY") && (
          <Field id="organisationName" label="Organisationens navn" required={requiredIf(orgType !== "MUNICIPALITY")} hint={hydrated ? undefined : "Hvis du ikke er ansat i en kommune."} error={err("organisationName")}>
            <input {...input("organisationName", { type: "text", autoComplete: "organization", maxLength: 200, hint: !hydrated, required: requiredIf(orgType !== "MUNICIPALITY") })} />
          </Field>
        )}
      </fieldset>

      <fieldset>
        <legend>Fakturering</legend>
        <p className="muted">Prisen faktureres din arbejdsplads. Offentlige myndigheder faktureres elektronisk til et EAN-nummer.</p>
        <Field id="ean" label="EAN-nummer" required={requiredIf(orgType !== "PRIVATE")} hint={`13 cifre. Din økonomiafdeling kender nummeret.${hydrated ? "" : " Skal udfyldes af offentlige myndigheder."}`} error={err("ean")}>
          <input {...input("ean", { type: "text", hint: true, maxLength: 20, inputMode: "numeric", required: requiredIf(orgType !== "PRIVATE") })} />
        </Field>
        {show(orgType === "PRIVATE") && (
          <Field id="cvr" label="CVR-nummer" required={requiredIf(orgType === "PRIVATE")} hint="8 cifre – skal udfyldes af private virksomheder." error={err("cvr")}>
            <input {...input("cvr", { type: "text", hint: true, maxLength: 20, inputMode: "numeric", required: requiredIf(orgType === "PRIVATE") })} />
          </Field>
        )}
        <Field id="billingStreet" label="Fakturaadresse" required hint={hydrated && orgType === "PRIVATE" ? "Vej og husnummer eller postboks." : "Vej og husnummer eller postboks. Også en e-faktura til et EAN-nummer skal have en postadresse – for en kommune fx rådhusets."} error={err("billingStreet")}>
          <input {...input("billingStreet", { type: "text", hint: true, autoComplete: "street-address", maxLength: 200, required: true })} />
        </Field>
        <div className="field-row postal">
          <Field id="billingPostalCode" label="Postnummer" required error={err("billingPostalCode")}>
            <input {...input("billingPostalCode", { type: "text", autoComplete: "postal-code", maxLength: 10, inputMode: "numeric", required: true })} />
          </Field>
          <Field id="billingCity" label="By" required error={err("billingCity")}>
            <input {...input("billingCity", { type: "text", autoComplete: "address-level2", maxLength: 100, required: true })} />
          </Field>
        </div>
        <Field id="invoiceAttention" label="Fakturaen mærkes att." required hint="Navnet på den person, fakturaen skal sendes til." error={err("invoiceAttention")}>
          <input {...input("invoiceAttention", { type: "text", hint: true, maxLength: 200, required: true })} />
        </Field>
        <Field id="invoiceReference" label="Ordre- eller referencenummer" required={false} hint="Fx indkøbsordre (PO) eller rekvisitionsnummer." error={err("invoiceReference")}>
          <input {...input("invoiceReference", { type: "text", hint: true, maxLength: 100 })} />
        </Field>
        {show(orgType === "PRIVATE") && (
          <Field id="invoiceEmail" label="Fakturaen sendes til (e-mail)" required={false} hint={`Hvis den ikke skal til dig, fx til bogholderiet. Uden EAN-nummer sendes fakturaen som PDF på mail.${hydrated ? "" : " Kun for private virksomheder."}`} error={err("invoiceEmail")}>
            <input {...input("invoiceEmail", { type: "email", hint: true, autoComplete: "off", maxLength: 254, inputMode: "email" })} />
          </Field>
        )}
      </fieldset>

      <fieldset>
        <legend>Praktiske hensyn</legend>
        <Field id="dietaryNeeds" label="Kosthensyn" required={false} hint="Fx vegetar, allergier." error={err("dietaryNeeds")}>
          <textarea rows={2} {...input("dietaryNeeds", { hint: true, maxLength: 500 })} />
        </Field>
        <Field id="accessibilityNeeds" label="Behov for tilgængelighed" required={false} hint="Fx adgang uden trapper eller teleslynge." error={err("accessibilityNeeds")}>
          <textarea rows={2} {...input("accessibilityNeeds", { hint: true, maxLength: 500 })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>Vilkår</legend>
        <p>{termsText}</p>
        <div className={`field${err("acceptTerms") ? " field-invalid" : ""}`}>
          <label className="choice">
            <input type="checkbox" {...register("acceptTerms")} defaultChecked={initial.acceptTerms === "on"} {...describedBy("acceptTerms", { error: err("acceptTerms") })} /> Jeg accepterer, at tilmeldingen er bindende
          </label>
          {err("acceptTerms") && <p className="error" id="acceptTerms-error" role="alert">{err("acceptTerms")}</p>}
        </div>
        <div className={`field${err("acceptPrivacy") ? " field-invalid" : ""}`}>
          <label className="choice">
            <input type="checkbox" {...register("acceptPrivacy")} defaultChecked={initial.acceptPrivacy === "on"} {...describedBy("acceptPrivacy", { error: err("acceptPrivacy") })} />
            {/* One flex item for the text and its link, so they wrap together beside the box. */}
            <span>
              Jeg accepterer, at mine oplysninger bruges til at administrere tilmeldingen og faktureringen, som beskrevet i{" "}
              <a href="/privatliv" target="_blank" rel="noopener">
                privatlivspolitikken
              </a>
            </span>
          </label>
          {err("acceptPrivacy") && <p className="error" id="acceptPrivacy-error" role="alert">{err("acceptPrivacy")}</p>}
        </div>
      </fieldset>

      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Sender tilmeldingen…" : waitlist ? "Skriv mig på ventelisten" : "Tilmeld mig"}
      </button>
    </form>
  );
}
