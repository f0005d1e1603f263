import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/notice";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolment/schemas";
import { findPerson, type PersonOverview } from "@/lib/privacy/people";
import { RETENTION } from "@/lib/privacy/policy";
import { formatDate, formatDateTime } from "@/lib/time";
import { erasePersonAction, findPersonAction } from "./actions";

export const metadata: Metadata = { title: "Personer" };


type Props = { searchParams: Promise<{ id?: string; slettet?: string }> };

/** A participant's data on request: find them by e-mail, hand over everything stored, or erase them. */
export default async function PeoplePage({ searchParams }: Props) {
  const user = await requireAdminPage("/admin/personer");
  const sp = await searchParams;
  const id = typeof sp.id === "string" ? sp.id.trim().slice(0, 40) : "";
  const found = id ? await findPerson(user.id, { id }) : null;

  return (
    <main className="wrap narrow">
      <PageHead title="Personer" />
      <p>
        Når en deltager beder om indsigt i eller sletning af sine oplysninger: find personen på e-mail, hent alt, hvad der er gemt om
        vedkommende, eller slet personen. Begge dele skrives i logbogen.
      </p>
      <section aria-labelledby="find">
        <h2 id="find">Find person</h2>
        <ActionForm
          action={findPersonAction}
          idPrefix="find"
          fields={[{ name: "email", label: "E-mail", type: "email", required: true, maxLength: 254, autoComplete: "off" }]}
          submitLabel="Find"
          pendingLabel="Søger…"
        />
      </section>

      {id && !found && (
        <div className="error-summary" role="alert">
          <p>Personen findes ikke.</p>
        </div>
      )}

      {found && <PersonDetails overview={found} erased={sp.slettet === "1"} />}
    </main>
  );
}

function PersonDetails({ overview, erased }: { overview: PersonOverview; erased: boolean }) {
  const { person, counts } = overview;
  return (
    <section aria-labelledby="person">
      {erased && person.anonymisedAt && (
        <Notice>Personen er anonymiseret. Fakturaoplysningerne er bevaret.</Notice>
      )}
      <h2 id="person">{person.name}</h2>
      <dl className="price">
        <div><dt>E-mail</dt><dd>{person.email}</dd></div>
        <div><dt>Telefon</dt><dd>{person.phone ?? "–"}</dd></div>
        <div><dt>Stilling</dt><dd>{person.jobTitle ?? "–"}</dd></div>
        <div><dt>Arbejdsplads</dt><dd>{person.organisation?.name ?? "–"}</dd></div>
        <div><dt>Oprettet</dt><dd>{formatDate(person.createdAt)}</dd></div>
        {person.anonymisedAt && <div><dt>Anonymiseret</dt><dd>{formatDateTime(person.anonymisedAt)}</dd></div>}
      </dl>

      <h3>Tilmeldinger</h3>
      <DataTable
        caption={`Tilmeldinger for ${person.name}`}
        captionHidden
        empty="Ingen tilmeldinger."
        rows={person.enrolments}
        columns={[
          {
            header: "Hold",
            cell: (e) => (
              <>
                <Link href={`/admin/tilmeldinger/${e.id}`}>{e.cohort.name}</Link>
                <br />
                <span className="muted">{e.cohort.programme.title}</span>
              </>
            ),
          },
          { header: "Status", cell: (e) => ENROLMENT_STATUS_LABELS[e.status] },
          { header: "Tilmeldt", cell: (e) => formatDate(e.createdAt) },
          { header: "Betaler", cell: (e) => e.organisation?.name ?? e.billingName ?? "–" },
          { header: "Kosthensyn og tilgængelighed", cell: (e) => [e.dietaryNeeds, e.accessibilityNeeds].filter(Boolean).join(" · ") || "–" },
        ]}
      />

      <h3>Andet om personen</h3>
      <ul className="stats">
        <li><strong>{counts.attendance}</strong> fremmøderegistreringer</li>
        <li><strong>{counts.evaluationInvitations}</strong> evalueringsinvitationer</li>
        <li><strong>{counts.mails}</strong> mails i udbakken</li>
        <li><strong>{counts.auditEntries}</strong> hændelser i logbogen</li>
        <li><strong>{counts.rateLimits}</strong> tællere mod misbrug</li>
      </ul>

      <h3>Udlevér oplysningerne</h3>
      <p>
        <a className="button" href={`/admin/personer/${person.id}/eksport`} download>
          Hent alle oplysninger (JSON)
        </a>
      </p>

      {!person.anonymisedAt && (
        <section aria-labelledby="slet">
          <h3 id="slet">Slet personen</h3>
          <p>
            Navn, e-mail, telefon, stilling, kosthensyn, tilgængelighedsbehov, att.-person, noter, personlige links,
            evalueringsinvitationer og mails fjernes nu, og logbogens indhold om tilmeldingerne ryddes. Fakturaoplysningerne (arbejdsplads,
            EAN/CVR, ordre- eller referencenummer, pris og datoer) bevares i {RETENTION.invoicingYears} år efter udgangen af det regnskabsår, holdet
            sluttede i, som bogføringsloven kræver. Det kan ikke fortrydes.
          </p>
          <ActionForm
            action={erasePersonAction.bind(null, person.id)}
            idPrefix="slet"
            fields={[{ name: "confirmEmail", label: "Skriv personens e-mail for at bekræfte", type: "email", required: true, maxLength: 254, autoComplete: "off" }]}
            submitLabel="Slet og anonymisér"
            pendingLabel="Sletter…"
            confirm="Slet og anonymisér personen? Det kan ikke fortrydes."
          />
        </section>
      )}
    </section>
  );
}
