import { formatMoney, priceBreakdown } from "@/lib/money";
import type { PublicCohort } from "@/lib/programmes/public";
import { formatDate } from "@/lib/time";
import { SessionList } from "./session-list";

export function enrolmentHref(programmeSlug: string, cohortSlug: string) {
  return `/uddannelser/${programmeSlug}/hold/${cohortSlug}/tilmelding`;
}

type ProgrammePrice = { priceOre: number; vatRateBp: number; currency: string };

/** What a cohort costs: its own price where it has one, else the programme's. */
export function cohortPriceOre(cohort: Pick<PublicCohort, "priceOverrideOre">, programme: ProgrammePrice): number {
  return cohort.priceOverrideOre ?? programme.priceOre;
}

export function CohortCard({ cohort, programmeSlug, programme }: { cohort: PublicCohort; programmeSlug: string; programme: ProgrammePrice }) {
  const priceOre = cohortPriceOre(cohort, programme);
  const ownPrice = priceOre !== programme.priceOre ? priceBreakdown(priceOre, programme.vatRateBp, programme.currency) : null;
  const headingId = `hold-${cohort.slug}`;
  return (
    <article className="card" aria-labelledby={headingId} data-testid={`cohort-${cohort.slug}`}>
      <h3 id={headingId}>
        Hold: {cohort.name} <StateBadge cohort={cohort} />
      </h3>
      <SessionList sessions={cohort.sessions} />
      {ownPrice && (
        <p data-testid="own-price">
          <strong>Pris for dette hold:</strong> {formatMoney(ownPrice.exVatOre, programme.currency)} ekskl. moms (
          {formatMoney(ownPrice.inclVatOre, programme.currency)} inkl. moms).
        </p>
      )}
      {cohort.state === "OPEN" && (
        <p>
          {cohort.availability === "FEW_LEFT" && (
            <strong data-testid="seats-left">
              {cohort.seatsLeft} {cohort.seatsLeft === 1 ? "plads" : "pladser"} tilbage.{" "}
            </strong>
          )}
          {cohort.availability === "FULL" && "Holdet er fuldt. Skriv dig på ventelisten, så får du besked, hvis der bliver en plads ledig. "}
          Tilmeldingsfrist: {formatDate(cohort.enrolmentClosesAt)}.{" "}
          <a className="button" href={enrolmentHref(programmeSlug, cohort.slug)}>
            {cohort.availability === "FULL" ? `Skriv dig på ventelisten til ${cohort.name}` : `Tilmeld dig ${cohort.name}`}
          </a>
        </p>
      )}
    </article>
  );
}

function StateBadge({ cohort }: { cohort: PublicCohort }) {
  switch (cohort.state) {
    case "OPEN":
      return cohort.availability === "FULL" ? <span className="badge badge-full">Fuldt — skriv dig på venteliste</span> : <span className="badge badge-open">Åben for tilmelding</span>;
    case "NOT_YET_OPEN":
      return <span className="badge">Tilmelding åbner {formatDate(cohort.enrolmentOpensAt)}</span>;
    case "STARTED":
      return <span className="badge">Holdet er gået i gang</span>;
    default:
      return <span className="badge">Tilmeldingen er lukket</span>;
  }
}
