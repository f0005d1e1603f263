import type { Metadata } from "next";
import { CancellationRequestForm } from "@/components/enrolment/forms/cancellation-request-form";
import { ColleagueForm } from "@/components/enrolment/forms/colleague-form";
import { NeedsForm } from "@/components/enrolment/forms/needs-form";
import { PersonDetailsForm } from "@/components/enrolment/forms/person-details-form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SessionList } from "@/components/programme/session-list";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/notice";
import { hasValidCertificate } from "@/lib/certificates/service";
import { getManagedEnrolment } from "@/lib/enrolment/manage";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { acceptOfferAction, leaveWaitlistAction, requestCancellationAction, sendColleagueAction, updateNeedsAction, updatePersonAction } from "./actions";

export const metadata: Metadata = { title: "Din tilmelding", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ ny?: string; venteliste?: string }> };

/** What the page says after the participant left the waitlist (?venteliste=…). */
const LEFT_WAITLIST: Record<string, string> = {
  forladt: "Du står ikke længere på ventelisten. Du skal ikke betale noget.",
  afslaaet: "Du har sagt nej tak til pladsen, og den går videre til den næste på ventelisten. Du skal ikke betale noget.",
};

const STATUS_TEXT: Record<string, string> = {
  CONFIRMED: "Du har en plads på holdet.",
  PENDING: "Du har fået tilbudt en plads.",
  WAITLISTED: "Du står på ventelisten.",
  CANCELLED: "Tilmeldingen er annulleret.",
  SUBSTITUTED: "Pladsen er overdraget til en kollega.",
  COMPLETED: "Du har gennemført uddannelsen.",
};

export default async function ManagePage({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  const { ny, venteliste } = await searchParams;
  const left = venteliste && Object.hasOwn(LEFT_WAITLIST, venteliste) ? LEFT_WAITLIST[venteliste] : null;
  const e = await getManagedEnrolment(token);
  // An unknown link answers 404 with the explanation in not-found.tsx beside this page.
  if (!e) notFound();
  const p = e.cohort.programme;
  const certificate = e.status === "COMPLETED" && (await hasValidCertificate(e.id));

  return (
    <main className="wrap narrow">
      {ny && (
        <Notice>
          <strong>{e.status === "WAITLISTED" ? "Du er skrevet på ventelisten." : "Tak for din tilmelding!"}</strong> Vi har sendt en bekræftelse til{" "}
          {e.person.email}. Gem mailen: linket i den fører hertil.
        </Notice>
      )}
      {left && e.status === "CANCELLED" && (
        <Notice>{left}</Notice>
      )}
      <h1>Din tilmelding</h1>
      <p className="lead">
        {p.title}, hold {e.cohort.name}
      </p>
      <p data-testid="enrolment-status">
        <strong>{e.status === "CANCELLED" && !e.confirmedAt ? "Du står ikke længere på ventelisten." : STATUS_TEXT[e.status]}</strong>
        {e.waitlistRank ? ` Du er nummer ${e.waitlistRank} på ventelisten.` : ""}
        {e.cancellationRequestedAt ? " Vi har modtaget din anmodning om afmelding og vender tilbage." : ""}
      </p>

      {certificate && (
        <section className="aside-box" aria-labelledby="kursusbevis">
          <h2 id="kursusbevis">Dit kursusbevis</h2>
          <p>
            <a href={`/tilmelding/${token}/kursusbevis`} download>Hent dit kursusbevis (PDF)</a>
          </p>
        </section>
      )}

      {e.offerOpen && e.offerExpiresAt && (
        <section className="aside-box" aria-labelledby="tilbud">
          <h2 id="tilbud">Vil du have pladsen?</h2>
          <p>Bekræft senest {formatDateTime(e.offerExpiresAt)}. Tilmeldingen er bindende, når du har bekræftet. {p.termsText}</p>
          <ActionForm action={acceptOfferAction.bind(null, token)} fields={[]} submitLabel="Ja tak, jeg tager pladsen" pendingLabel="Bekræfter…" />
          <p>Vil du ikke have pladsen, så sig nej tak. Den går så videre til den næste på ventelisten, og du skal ikke betale noget.</p>
          <LeaveWaitlistForm token={token} offer />
        </section>
      )}

      {(e.status === "CONFIRMED" || e.status === "COMPLETED") && (
        <section className="aside-box" aria-labelledby="stillads">
          <h2 id="stillads">Mit implementeringsstillads</h2>
          <p>Dit eget arbejdsrum til at indføre en digital løsning: fra modul 1 til modul 2.</p>
          <p>
            <Link href={`/stillads/${token}`}>Åbn mit implementeringsstillads</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="oplysninger">
        <h2 id="oplysninger">Oplysninger</h2>
        {e.dataGivenBy && (
          <p data-testid="data-given-by">
            Dine oplysninger er givet til os af {e.dataGivenBy}, da du overtog pladsen. Du har ikke selv accepteret noget. Se, hvordan vi
            behandler dem, i <Link href="/privatliv">privatlivspolitikken</Link>, og ret dem herunder, hvis noget er forkert.
          </p>
        )}
        {(e.status === "WAITLISTED" || e.status === "PENDING") && (
          <p>Du betaler kun, hvis du får en plads og siger ja til den. Prisen herunder er den, der gælder, hvis du kommer med.</p>
        )}
        <dl className="price">
          <div><dt>Deltager</dt><dd>{e.person.name}, {e.person.email}</dd></div>
          <div><dt>Telefon</dt><dd>{e.person.phone ?? "-"}</dd></div>
          <div><dt>Stilling</dt><dd>{e.person.jobTitle ?? "-"}</dd></div>
          <div><dt>Arbejdsplads</dt><dd>{e.organisation?.name ?? "-"}</dd></div>
          {e.invoiceEan && <div><dt>EAN-nummer</dt><dd>{e.invoiceEan}</dd></div>}
          {e.invoiceCvr && <div><dt>CVR-nummer</dt><dd>{e.invoiceCvr}</dd></div>}
          <div><dt>Fakturaen mærkes att.</dt><dd>{e.invoiceAttention ?? "-"}</dd></div>
          {e.invoiceReference && <div><dt>Ordre-/referencenummer</dt><dd>{e.invoiceReference}</dd></div>}
          {e.billingStreet && <div><dt>Fakturaadresse</dt><dd>{e.billingStreet}, {e.billingPostalCode} {e.billingCity}</dd></div>}
          {e.invoiceEmail && <div><dt>Fakturaen sendes til</dt><dd>{e.invoiceEmail}</dd></div>}
          <div><dt>Pris ekskl. moms</dt><dd>{formatMoney(e.price.exVatOre)}</dd></div>
          <div className="total"><dt>Pris inkl. moms</dt><dd>{formatMoney(e.price.inclVatOre)}</dd></div>
        </dl>
        <h3>Kursusdage</h3>
        <SessionList sessions={e.cohort.sessions} />
        <h3>{e.status === "WAITLISTED" || e.status === "PENDING" ? "Vilkår, hvis du får en plads" : "Vilkår"}</h3>
        <p>{p.termsText}</p>
      </section>

      {e.canEditPerson && (
        <section aria-labelledby="ret-oplysninger">
          <h2 id="ret-oplysninger">Ret dine oplysninger</h2>
          <p>Din e-mailadresse er den, vi skriver til. Skal den ændres, så kontakt os.</p>
          <PersonDetailsForm
            action={updatePersonAction.bind(null, token)}
            fields={[
              { name: "name", label: "Navn", required: true, maxLength: 200, autoComplete: "name", defaultValue: e.person.name },
              { name: "phone", label: "Telefon", type: "tel", required: true, maxLength: 30, autoComplete: "tel", defaultValue: e.person.phone ?? "" },
              { name: "jobTitle", label: "Stillingsbetegnelse", required: true, maxLength: 200, autoComplete: "organization-title", defaultValue: e.person.jobTitle ?? "" },
            ]}
            submitLabel="Gem oplysninger"
            pendingLabel="Gemmer…"
          />
        </section>
      )}

      {e.canEditNeeds && (
        <section aria-labelledby="hensyn">
          <h2 id="hensyn">Kost og tilgængelighed</h2>
          <NeedsForm
            action={updateNeedsAction.bind(null, token)}
            fields={[
              { name: "dietaryNeeds", label: "Kosthensyn", type: "textarea", required: false, maxLength: 500, defaultValue: e.dietaryNeeds ?? "" },
              { name: "accessibilityNeeds", label: "Behov for tilgængelighed", type: "textarea", required: false, maxLength: 500, defaultValue: e.accessibilityNeeds ?? "" },
            ]}
            submitLabel="Gem hensyn"
            pendingLabel="Gemmer…"
          />
        </section>
      )}

      {e.canSubstitute && (
        <section aria-labelledby="kollega">
          <h2 id="kollega">Send en kollega i dit sted</h2>
          <p>Kan du ikke deltage, kan en kollega overtage din plads. Fakturaen sendes stadig til {e.organisation?.name ?? "din arbejdsplads"}. Din kollega får sin egen bekræftelse, og dit link holder op med at virke.</p>
          <ColleagueForm
            action={sendColleagueAction.bind(null, token)}
            fields={[
              { name: "name", label: "Kollegaens navn", required: true, maxLength: 200, autoComplete: "off" },
              { name: "email", label: "Kollegaens e-mail", type: "email", required: true, maxLength: 254, autoComplete: "off" },
              { name: "phone", label: "Kollegaens telefon", type: "tel", required: true, maxLength: 30, autoComplete: "off" },
              { name: "jobTitle", label: "Kollegaens stillingsbetegnelse", required: true, maxLength: 200 },
              { name: "dietaryNeeds", label: "Kollegaens kosthensyn", type: "textarea", required: false, maxLength: 500 },
              { name: "accessibilityNeeds", label: "Kollegaens behov for tilgængelighed", type: "textarea", required: false, maxLength: 500 },
            ]}
            submitLabel="Overdrag pladsen"
            pendingLabel="Overdrager…"
            confirm="Vil du overdrage din plads? Det kan ikke fortrydes."
          />
        </section>
      )}

      {e.canRequestCancellation && (
        <section aria-labelledby="afmelding">
          <h2 id="afmelding">Afmelding</h2>
          <p>Tilmeldingen er bindende. Du kan bede om at blive afmeldt; en administrator tager stilling, og indtil da har du din plads.</p>
          <CancellationRequestForm
            action={requestCancellationAction.bind(null, token)}
            fields={[{ name: "reason", label: "Begrundelse", type: "textarea", required: true, maxLength: 1000 }]}
            submitLabel="Bed om afmelding"
            pendingLabel="Sender…"
          />
        </section>
      )}

      {e.status === "WAITLISTED" && e.canLeaveWaitlist && (
        <section aria-labelledby="forlad-venteliste">
          <h2 id="forlad-venteliste">Meld dig af ventelisten</h2>
          <p>Du kan melde dig af ventelisten når som helst. Det sker med det samme, og du skal ikke betale noget.</p>
          <LeaveWaitlistForm token={token} offer={false} />
        </section>
      )}
    </main>
  );
}

/** Leaving the waitlist, or turning down a seat offered from it: at once, nothing to pay. */
function LeaveWaitlistForm({ token, offer }: { token: string; offer: boolean }) {
  return (
    <ActionForm
      action={leaveWaitlistAction.bind(null, token)}
      idPrefix={offer ? "decline" : "leave"}
      fields={[]}
      submitLabel={offer ? "Nej tak til pladsen" : "Meld mig af ventelisten"}
      pendingLabel="Sender…"
      confirm={offer ? "Vil du sige nej tak til pladsen? Det kan ikke fortrydes." : "Vil du melde dig af ventelisten? Det kan ikke fortrydes."}
    />
  );
}
