import { copenhagenTime, localDateIso } from "../time";

// How long each class of data is kept, and what happens to it then. The one place the periods live:
// the retention run (lib/privacy/retention.ts, `npm run retention`), the admin's erase
// (lib/privacy/people.ts), the job loop, the sign-in session and the privacy notice (/privatliv) all
// read them from here, so the notice cannot promise what the code does not do.
//
// Pure data and date arithmetic: imported by the public privacy page and the CLI script alike.

export const RETENTION = {
  /**
   * Participant personal data (name, e-mail, phone, job title, dietary and accessibility needs, notes,
   * manage links, evaluation invitations, implementeringsstilladser): anonymised (workspaces deleted)
   * this many years after the cohort ended, i.e.
   * after its last session day. Long enough for diplomas, complaints and the next module's questions.
   */
  participantYears: 2,
  /**
   * Invoicing data (organisation, EAN/CVR, PO/reference, billing address, price, dates): deleted this
   * many years after the end of the financial year (the calendar year) in which the cohort ended, as
   * bogføringsloven § 12 requires for accounting records.
   */
  invoicingYears: 5,
  /**
   * Audit log entries: deleted like invoicing data, this many years after the end of the calendar year
   * they were written in, since they document changes to it. What they say about a participant is
   * removed earlier, when the participant is anonymised.
   */
  auditYears: 5,
  /** Sent mails, and mails the outbox gave up on, are deleted this many days after sending (or giving up). */
  mailDays: 90,
  /** Rate-limit counters (keyed by e-mail or IP address) are deleted this many hours after their window began. */
  rateLimitHours: 24,
  /** Staff sign-in sessions are JWT cookies that expire after this many hours; nothing is stored in the database. */
  staffSessionHours: 8,
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Cohorts that ended before this instant have their participants' personal data anonymised. */
export function participantCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - RETENTION.participantYears);
  return d;
}

/**
 * Records dated in a financial year that ended more than `years` years ago may go: the start (in
 * Copenhagen) of the financial year `years` years back. A cohort that ended in 2020 is kept until
 * 31 December 2025 and deleted from 1 January 2026.
 */
function financialYearCutoff(now: Date, years: number): Date {
  const year = Number(localDateIso(now).slice(0, 4)) - years;
  return copenhagenTime(`${year}-01-01`, "00:00");
}

/** Cohorts that ended before this instant have their invoicing data (their enrolments) deleted. */
export function invoicingCutoff(now: Date): Date {
  return financialYearCutoff(now, RETENTION.invoicingYears);
}

/** Audit log entries written before this instant are deleted. */
export function auditCutoff(now: Date): Date {
  return financialYearCutoff(now, RETENTION.auditYears);
}

/** Sent or given-up mails whose last event is before this instant are deleted. */
export function mailCutoff(now: Date): Date {
  return new Date(now.getTime() - RETENTION.mailDays * DAY);
}

/** Rate-limit counters whose window began before this instant are deleted. */
export function rateLimitCutoff(now: Date): Date {
  return new Date(now.getTime() - RETENTION.rateLimitHours * HOUR);
}

const years = (n: number) => `${n} år`;

/** One class of data as the privacy notice describes it. */
export interface RetentionClass {
  key: "participant" | "invoicing" | "audit" | "mail" | "rateLimit";
  title: string;
  what: string;
  period: string;
}

/**
 * The retention rules in the privacy notice's words, rendered from the numbers above. (The staff
 * session is told in the notice's section on cookies.)
 */
export const RETENTION_CLASSES: readonly RetentionClass[] = [
  {
    key: "participant",
    title: "Oplysninger om dig som deltager",
    what:
      "Navn, e-mail, telefon, stillingsbetegnelse, kosthensyn, behov for tilgængelighed, att.-person, noter om fremmøde og afmelding, dit personlige link, invitationer til evalueringer og dine implementeringsstilladser.",
    period: `Anonymiseres ${years(RETENTION.participantYears)} efter holdets sidste kursusdag. Fremmøde og evalueringssvar gemmes derefter uden forbindelse til dig; implementeringsstilladserne slettes.`,
  },
  {
    key: "invoicing",
    title: "Fakturaoplysninger",
    what: "Arbejdsplads, EAN- eller CVR-nummer, ordre- eller referencenummer, fakturaadresse, pris og datoer for tilmelding, afmelding og gennemførelse.",
    period: `Gemmes i ${years(RETENTION.invoicingYears)} efter udgangen af det regnskabsår (kalenderår), hvor holdet sluttede, som bogføringsloven kræver, og slettes derefter.`,
  },
  {
    key: "audit",
    title: "Logbog over ændringer",
    what: "Hvem der ændrede hvad og hvornår. Indholdet af ændringer i dine oplysninger fjernes, når de anonymiseres.",
    period: `Slettes ${years(RETENTION.auditYears)} efter udgangen af det år, ændringen skete.`,
  },
  {
    key: "mail",
    title: "Mails til dig",
    what: "Kopier af de mails, vi sender, fx bekræftelser, påmindelser og invitationer til evalueringer.",
    period: `Slettes ${RETENTION.mailDays} dage efter, at de er sendt (eller efter det sidste forsøg på at sende dem).`,
  },
  {
    key: "rateLimit",
    title: "Beskyttelse mod misbrug",
    what: "Antal tilmeldinger og forsøg på at logge ind pr. e-mail eller IP-adresse.",
    period: `Slettes efter ${RETENTION.rateLimitHours} timer.`,
  },
];
