import Link from "next/link";
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
        Hold: {cohort.name}{" "}
        {cohort.state === "OPEN" ? (
          <span className="badge badge-open">Åben for tilmelding</span>
        ) : cohort.state === "NOT_YET_OPEN" ? (
          <span className="badge">Tilmelding åbner {formatDate(cohort.enrolmentOpensAt)}</span>
        ) : (
          <span className="badge">Tilmeldingen er lukket</span>
        )}
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
          Tilmeldingsfrist: {formatDate(cohort.enrolmentClosesAt)}.{" "}
          <Link className="button" href={enrolmentHref(programmeSlug, cohort.slug)}>
            Tilmeld dig {cohort.name.toLowerCase()}
          </Link>
        </p>
      )}
    </article>
  );
}
