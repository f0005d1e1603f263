import type { Metadata } from "next";
import { ResendLinkForm } from "@/components/enrolment/forms/resend-link-form";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EnrolmentForm } from "@/components/enrolment/enrolment-form";
import { SessionList } from "@/components/programme/session-list";
import { getCohortForEnrolment } from "@/lib/enrolment/page-data";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/time";
import { enrolAction, resendLinkAction } from "./actions";

type Props = { params: Promise<{ slug: string; cohort: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, cohort } = await params;
  const c = await getCohortForEnrolment(slug, cohort);
  return { title: c ? `Tilmelding: ${c.programme.title}, ${c.name}` : "Tilmelding", robots: { index: false } };
}

export default async function EnrolmentPage({ params }: Props) {
  await connection();
  const { slug, cohort: cohortSlug } = await params;
  const cohort = await getCohortForEnrolment(slug, cohortSlug);
  if (!cohort) notFound();
  const back = `/uddannelser/${slug}`;

  return (
    <main className="wrap narrow">
      <p>
        <a href={back}>← {cohort.programme.title}</a>
      </p>
      <h1>Tilmelding: {cohort.name}</h1>
      <p className="lead">{cohort.programme.title}</p>

      {cohort.state !== "OPEN" ? (
        <div className="notice" role="status">
          <h2 className="flush-top">
            {cohort.state === "NOT_YET_OPEN" ? "Tilmeldingen er ikke åbnet endnu" : "Tilmeldingen er lukket"}
          </h2>
          <p>
            {cohort.state === "NOT_YET_OPEN"
              ? `Du kan tilmelde dig holdet fra ${formatDate(cohort.enrolmentOpensAt)}.`
              : cohort.state === "STARTED"
                ? "Holdet er gået i gang, så det er ikke længere muligt at tilmelde sig."
                : "Det er ikke længere muligt at tilmelde sig dette hold."}{" "}
            <a href={back}>Se de andre hold</a>.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="forloeb">
            <h2 id="forloeb">Forløbet</h2>
            <SessionList sessions={cohort.sessions} />
            <p>
              Pris: {formatMoney(cohort.price.exVatOre)} ekskl. moms ({formatMoney(cohort.price.inclVatOre)} inkl. moms). Tilmeldingsfrist:{" "}
              {formatDate(cohort.enrolmentClosesAt)}.
            </p>
            <p className={cohort.seatsLeft > 0 ? "" : "notice"}>
              {cohort.seatsLeft > 0
                ? `Der er ${cohort.seatsLeft} ${cohort.seatsLeft === 1 ? "ledig plads" : "ledige pladser"}.`
                : "Holdet er fuldt. Du kan skrive dig på ventelisten – bliver der en plads ledig, får du den tilbudt på mail."}
            </p>
          </section>
          <section aria-labelledby="formular">
            <h2 id="formular">Dine oplysninger</h2>
            <p className="muted">Felter markeret med * skal udfyldes.</p>
            <EnrolmentForm
              action={enrolAction.bind(null, cohort.id)}
              termsText={cohort.programme.termsText}
              waitlist={cohort.seatsLeft === 0}
            />
          </section>
        </>
      )}

      <section aria-labelledby="send-link" id="send-mit-link">
        <h2 id="send-link">Send mit link igen</h2>
        <p>
          Er du allerede tilmeldt, men kan ikke finde mailen med dit personlige link? Skriv den e-mailadresse, du tilmeldte dig med, så
          sender vi et nyt link til den. Det gamle link holder op med at virke.
        </p>
        <ResendLinkForm
          action={resendLinkAction.bind(null, cohort.id)}
          fields={[{ name: "email", label: "Din e-mail", type: "email", required: true, maxLength: 254, autoComplete: "email" }]}
          submitLabel="Send mit link igen"
          pendingLabel="Sender…"
        />
      </section>
    </main>
  );
}
