import "server-only";
import { env } from "../env";
import { courseCalendar } from "../mail/ics";
import type { OutgoingMail } from "../mail/outbox";
import { formatMoney, formatVatRate } from "../money";
import { formatDateTime, formatDay, formatTimeRange } from "../time";
import type { EnrolmentDetails } from "./details";

// The Danish mails an applicant receives. Plain text is the canonical body; every mail carries the
// personal manage link when it has one.

export function manageUrl(token: string): string {
  return new URL(`/tilmelding/${token}`, env().APP_URL).toString();
}

function schedule(d: EnrolmentDetails): string {
  return d.cohort.sessions
    .map((s) => {
      const where = s.venue ? `\n  Sted: ${s.venue.name}, ${s.venue.street}, ${s.venue.postalCode} ${s.venue.city}${s.room ? `, ${s.room.name}` : ""}` : "";
      const days = s.days.map((day) => `  - ${formatDay(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)}`).join("\n");
      return `Modul ${s.module.position}: ${s.module.title}\n${days}${where}`;
    })
    .join("\n\n");
}

function invoice(d: EnrolmentDetails): string {
  const lines = [
    `Pris ekskl. moms: ${formatMoney(d.price.exVatOre)}`,
    `Moms (${formatVatRate(d.price.vatRateBp)}): ${formatMoney(d.price.vatOre)}`,
    `Pris inkl. moms: ${formatMoney(d.price.inclVatOre)}`,
    "",
    `Faktureres til: ${d.organisation?.name ?? d.billingName ?? "-"}`,
    d.invoiceEan ? `EAN-nummer: ${d.invoiceEan}` : null,
    d.invoiceCvr ? `CVR-nummer: ${d.invoiceCvr}` : null,
    d.invoiceAttention ? `Att.: ${d.invoiceAttention}` : null,
    d.invoiceReference ? `Ordre-/referencenummer: ${d.invoiceReference}` : null,
  ];
  return lines.filter((l) => l !== null).join("\n");
}

function calendar(d: EnrolmentDetails, link: string) {
  const title = d.cohort.programme.title;
  return courseCalendar(
    `${title} – ${d.cohort.name}`,
    d.days.map((day, i) => ({
      id: day.id,
      startsAt: day.startsAt,
      endsAt: day.endsAt,
      title: `${title}: modul ${day.session.module.position}, dag ${d.days.filter((x, j) => j <= i && x.session.id === day.session.id).length}`,
      location: day.session.venue ? `${day.session.venue.name}, ${day.session.venue.street}, ${day.session.venue.postalCode} ${day.session.venue.city}` : null,
      description: `${day.session.module.title}\nDin tilmelding: ${link}`,
    })),
    link,
  );
}

const signature = (d: EnrolmentDetails) => `\n\nVenlig hilsen\n${d.cohort.programme.providerName}`;

export function confirmationMail(d: EnrolmentDetails, token: string): OutgoingMail {
  const link = manageUrl(token);
  const p = d.cohort.programme;
  return {
    dedupeKey: `enrolment-confirmed:${d.id}`,
    to: d.person.email,
    subject: `Bekræftelse: ${p.title}, ${d.cohort.name}`,
    text: `Kære ${d.person.name}

Tak for din tilmelding til ${p.title}, hold ${d.cohort.name}. Du har en plads på holdet.

${schedule(d)}

${invoice(d)}

Vilkår: ${p.termsText}

Se og ret din tilmelding, send en kollega i dit sted eller bed om afmelding her:
${link}

Kursusdagene er vedhæftet som kalenderfil (.ics).${signature(d)}`,
    attachments: [{ filename: "kursusdage.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: calendar(d, link) }],
  };
}

export function waitlistMail(d: EnrolmentDetails, token: string, position: number): OutgoingMail {
  const p = d.cohort.programme;
  return {
    dedupeKey: `enrolment-waitlisted:${d.id}`,
    to: d.person.email,
    subject: `Venteliste: ${p.title}, ${d.cohort.name}`,
    text: `Kære ${d.person.name}

Holdet ${d.cohort.name} på ${p.title} er fuldt, så du står nu på ventelisten som nummer ${position}.

Bliver der en plads ledig, får du den tilbudt på mail og har en frist til at sige ja. Du betaler kun, hvis du får en plads.

${schedule(d)}

Se din tilmelding her:
${manageUrl(token)}${signature(d)}`,
  };
}

export function offerMail(d: EnrolmentDetails, token: string, expiresAt: Date): OutgoingMail {
  const p = d.cohort.programme;
  return {
    dedupeKey: `waitlist-offer:${d.id}:${expiresAt.toISOString()}`,
    to: d.person.email,
    subject: `Der er en plads til dig: ${p.title}, ${d.cohort.name}`,
    text: `Kære ${d.person.name}

Der er blevet en plads ledig på holdet ${d.cohort.name}, og den er din, hvis du vil have den.

Bekræft senest ${formatDateTime(expiresAt)} via linket herunder. Ellers går pladsen videre til den næste på ventelisten.
${manageUrl(token)}

Tilmeldingen er bindende, når du har bekræftet. ${p.termsText}${signature(d)}`,
  };
}

export function substitutionMails(original: EnrolmentDetails, replacement: EnrolmentDetails, replacementToken: string): OutgoingMail[] {
  const p = original.cohort.programme;
  return [
    {
      dedupeKey: `substituted-original:${original.id}`,
      to: original.person.email,
      subject: `Din plads er overdraget: ${p.title}, ${original.cohort.name}`,
      text: `Kære ${original.person.name}

Din plads på ${p.title}, hold ${original.cohort.name}, er nu overdraget til ${replacement.person.name} (${replacement.person.email}). Fakturaen sendes som aftalt til ${original.organisation?.name ?? "din organisation"}.${signature(original)}`,
    },
    {
      ...confirmationMail(replacement, replacementToken),
      dedupeKey: `enrolment-confirmed:${replacement.id}`,
      subject: `Du har overtaget en plads: ${p.title}, ${replacement.cohort.name}`,
      text: `Kære ${replacement.person.name}

${original.person.name} har sendt dig i sit sted på ${p.title}, hold ${replacement.cohort.name}. Pladsen er nu din.

${schedule(replacement)}

${invoice(replacement)}

Vilkår: ${p.termsText}

Se din tilmelding, ret kosthensyn eller send selv en kollega her:
${manageUrl(replacementToken)}

Kursusdagene er vedhæftet som kalenderfil (.ics).${signature(replacement)}`,
    },
  ];
}

export function cancellationRequestMail(d: EnrolmentDetails): OutgoingMail {
  const p = d.cohort.programme;
  return {
    dedupeKey: `cancellation-requested:${d.id}:${d.cancellationRequestedAt?.toISOString() ?? ""}`,
    to: d.person.email,
    subject: `Vi har modtaget din anmodning om afmelding: ${p.title}`,
    text: `Kære ${d.person.name}

Vi har modtaget din anmodning om at blive afmeldt ${p.title}, hold ${d.cohort.name}. Tilmeldingen er bindende, så en administrator ser på sagen og svarer dig. Indtil da har du fortsat din plads.

Husk, at du i stedet kan sende en kollega: ${p.substitutionAllowed ? "det gør du via linket i din bekræftelse." : "kontakt os."}${signature(d)}`,
  };
}
