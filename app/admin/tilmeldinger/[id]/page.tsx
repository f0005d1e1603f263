import type { Metadata } from "next";
import { ColleagueForm } from "@/components/enrolment/forms/colleague-form";
import { EnrolmentEditForm } from "@/components/admin/forms/enrolment-edit-form";
import { MoveEnrolmentForm } from "@/components/admin/forms/move-enrolment-form";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { adminDetail } from "@/lib/auth/admin-page";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolment/schemas";
import { formatMoney } from "@/lib/money";
import { enrolmentOverview } from "@/lib/enrolment/queries";
import { formatDateTime } from "@/lib/time";
import { moveEnrolmentAction, registerSubstitutionAction, updateEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: "Tilmelding" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminEnrolmentPage({ params }: Props) {
  const { data: overview } = await adminDetail(params, "/admin/tilmeldinger/[id]", (user, { id }) => enrolmentOverview(user, id));
  const { enrolment: e, mayUpdate, active, moveTargets: otherCohorts, hasCertificate: certificate, rank } = overview;

  return (
    <main className="wrap narrow">
      <PageHead
        back={{ href: `/admin/hold/${e.cohortId}`, label: e.cohort.name }}
        title={e.person.name}
        lead={
          <>
            {ENROLMENT_STATUS_LABELS[e.status]}
            {rank ? ` (nr. ${rank})` : ""} – {e.cohort.programme.title}, {e.cohort.name}
          </>
        }
      />
      <dl className="price">
        <div><dt>E-mail</dt><dd>{e.person.email}</dd></div>
        <div><dt>Telefon</dt><dd>{e.person.phone ?? "–"}</dd></div>
        <div><dt>Stilling</dt><dd>{e.person.jobTitle ?? "–"}</dd></div>
        <div><dt>Arbejdsplads</dt><dd>{e.organisation?.name ?? "–"}</dd></div>
        <div><dt>Kosthensyn</dt><dd>{e.dietaryNeeds ?? "–"}</dd></div>
        <div><dt>Tilgængelighed</dt><dd>{e.accessibilityNeeds ?? "–"}</dd></div>
        <div><dt>Vilkår accepteret</dt><dd>{formatDateTime(e.termsAcceptedAt)} (version {e.termsVersion})</dd></div>
        {e.invoice && <div><dt>Pris</dt><dd>{formatMoney(e.invoice.price.exVatOre)} ekskl. moms / {formatMoney(e.invoice.price.inclVatOre)} inkl. moms</dd></div>}
        {e.cancelReason && <div><dt>Annulleret</dt><dd>{e.cancelReason}</dd></div>}
        {e.cancellationRequestedAt && <div><dt>Beder om afmelding</dt><dd>{e.cancellationRequestReason}</dd></div>}
        {e.replaces && <div><dt>Overtog pladsen fra</dt><dd><Link href={`/admin/tilmeldinger/${e.replaces.id}`}>{e.replaces.person.name}</Link></dd></div>}
        {e.replacedBy && <div><dt>Pladsen overdraget til</dt><dd><Link href={`/admin/tilmeldinger/${e.replacedBy.id}`}>{e.replacedBy.person.name}</Link></dd></div>}
      </dl>

      {certificate && (
        <section aria-labelledby="kursusbevis">
          <h2 id="kursusbevis">Kursusbevis</h2>
          <p>
            <a href={`/admin/tilmeldinger/${e.id}/kursusbevis`} download>Hent kursusbevis (PDF)</a>
          </p>
        </section>
      )}

      {mayUpdate && e.invoice && (
        <section aria-labelledby="faktura">
          <h2 id="faktura">Fakturering og noter</h2>
          <EnrolmentEditForm
            action={updateEnrolmentAction.bind(null, e.id)}
            fields={[
              { name: "invoiceEan", label: "EAN-nummer", required: false, maxLength: 20, defaultValue: e.invoice.ean ?? "" },
              { name: "invoiceCvr", label: "CVR-nummer", required: false, maxLength: 20, defaultValue: e.invoice.cvr ?? "" },
              { name: "invoiceAttention", label: "Att.", required: false, maxLength: 200, defaultValue: e.invoice.attention ?? "" },
              { name: "invoiceReference", label: "Ordre- eller referencenummer", required: false, maxLength: 100, defaultValue: e.invoice.reference ?? "" },
              { name: "billingStreet", label: "Fakturaadresse", required: false, maxLength: 200, defaultValue: e.invoice.billingStreet ?? "" },
              { name: "billingPostalCode", label: "Postnummer", required: false, maxLength: 10, defaultValue: e.invoice.billingPostalCode ?? "" },
              { name: "billingCity", label: "By", required: false, maxLength: 100, defaultValue: e.invoice.billingCity ?? "" },
              { name: "invoiceEmail", label: "E-mail til PDF-fakturaen", type: "email", required: false, maxLength: 254, hint: "Kun købere uden EAN-nummer. Tom: fakturaen sendes til deltageren.", defaultValue: e.invoice.email ?? "" },
              { name: "internalNotes", label: "Interne noter", type: "textarea", required: false, maxLength: 5000, hint: "Ses kun af administrationen.", defaultValue: e.internalNotes ?? "" },
            ]}
            submitLabel="Gem"
            pendingLabel="Gemmer…"
          />
        </section>
      )}

      {mayUpdate && active && otherCohorts.length > 0 && (
        <section aria-labelledby="flyt">
          <h2 id="flyt">Flyt til et andet hold</h2>
          <p>Deltageren får en plads, hvis der er en ledig, ellers en plads på ventelisten, og får en ny bekræftelse på mail.</p>
          <MoveEnrolmentForm
            action={moveEnrolmentAction.bind(null, e.id)}
            fields={[{ name: "targetCohortId", label: "Nyt hold", type: "select", required: true, options: [{ value: "", label: "Vælg hold" }, ...otherCohorts.map((c) => ({ value: c.id, label: c.name }))] }]}
            submitLabel="Flyt tilmeldingen"
            pendingLabel="Flytter…"
            confirm="Flyt tilmeldingen? Den nuværende plads gives videre."
          />
        </section>
      )}

      {mayUpdate && e.status === "CONFIRMED" && e.cohort.programme.substitutionAllowed && (
        <section aria-labelledby="kollega">
          <h2 id="kollega">Registrér at en kollega overtager pladsen</h2>
          <ColleagueForm
            action={registerSubstitutionAction.bind(null, e.id)}
            fields={[
              { name: "name", label: "Kollegaens navn", required: true, maxLength: 200 },
              { name: "email", label: "Kollegaens e-mail", type: "email", required: true, maxLength: 254 },
              { name: "phone", label: "Kollegaens telefon", type: "tel", required: true, maxLength: 30 },
              { name: "jobTitle", label: "Kollegaens stillingsbetegnelse", required: true, maxLength: 200 },
            ]}
            submitLabel="Registrér overdragelse"
            pendingLabel="Registrerer…"
            confirm="Overdrag pladsen til kollegaen? Begge får besked på mail."
          />
        </section>
      )}
    </main>
  );
}
