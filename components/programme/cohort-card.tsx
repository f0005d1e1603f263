import Link from "next/link";
import type { PublicCohort } from "@/lib/programmes/public";
import { formatDate } from "@/lib/time";
import { SessionList } from "./session-list";

export function enrolmentHref(programmeSlug: string, cohortSlug: string) {
  return `/uddannelser/${programmeSlug}/hold/${cohortSlug}/tilmelding`;
}

export function CohortCard({ cohort, programmeSlug }: { cohort: PublicCohort; programmeSlug: string }) {
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
