import "server-only";
import { env } from "../env";
import { parseMailbox } from "../mail/address";
import { composeMail, type Block } from "../mail/compose";
import { courseCalendar } from "../mail/ics";
import type { MailAttachment, OutgoingMail } from "../mail/outbox";
import { formatMoney, formatVatRate } from "../money";
import { RETENTION_CLASSES } from "../privacy/policy";
import { formatDateTime, formatDay, formatTimeRange } from "../time";
import { workspaceUrl } from "../workspace/links";
import type { EnrolmentDetails } from "./details";

// The Danish mails an applicant receives, each written once as blocks (../mail/compose.ts) and sent as
// plain text plus an HTML part with the same content. The sender's name is the programme's provider.
// Every mail carries the personal manage link when it has one. Sending them, with the calendar
// sequence they need, is ./send-mails.ts.

export function manageUrl(token: string): string {
  return new URL(`/tilmelding/${token}`, env().APP_URL).toString();
}

const privacyUrl = () => new URL("/privatliv", env().APP_URL).toString();

function schedule(d: EnrolmentDetails): Block[] {
  return d.cohort.sessions.flatMap((s): Block[] => [
    { h: `Modul ${s.module.position}: ${s.module.title}` },
    { ul: s.days.map((day) => `${formatDay(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)}`) },
    ...(s.venue ? [{ p: `Sted: ${s.venue.name}, ${s.venue.street}, ${s.venue.postalCode} ${s.venue.city}${s.room ? `, ${s.room.name}` : ""}` }] : []),
  ]);
}

function invoice(d: EnrolmentDetails): Block[] {
  const billing: Array<[string, string] | null> = [
    ["Faktureres til", d.organisation?.name ?? d.billingName ?? "-"],
    d.invoiceEan ? ["EAN-nummer", d.invoiceEan] : null,
    d.invoiceCvr ? ["CVR-nummer", d.invoiceCvr] : null,
    d.invoiceAttention ? ["Att.", d.invoiceAttention] : null,
    d.invoiceReference ? ["Ordre-/referencenummer", d.invoiceReference] : null,
    d.billingStreet ? ["Fakturaadresse", `${d.billingStreet}, ${d.billingPostalCode ?? ""} ${d.billingCity ?? ""}`.trim()] : null,
    d.invoiceEmail ? ["Fakturaen sendes til", d.invoiceEmail] : null,
  ];
  return [
    {
      pairs: [
        ["Pris ekskl. moms", formatMoney(d.price.exVatOre)],
        [`Moms (${formatVatRate(d.price.vatRateBp)})`, formatMoney(d.price.vatOre)],
        ["Pris inkl. moms", formatMoney(d.price.inclVatOre)],
      ],
    },
    { pairs: billing.filter((l) => l !== null) },
  ];
}

/** The .ics of an enrolment's course days: PUBLISH to add or update them, CANCEL (same UIDs) to remove them. */
export function calendar(d: EnrolmentDetails, method: "PUBLISH" | "CANCEL", sequence: number, link?: string): MailAttachment {
  const title = d.cohort.programme.title;
  const from = parseMailbox(env().MAIL_FROM);
  const content = courseCalendar(
    `${title} – ${d.cohort.name}`,
    d.days.map((day, i) => ({
      id: day.id,
      startsAt: day.startsAt,
      endsAt: day.endsAt,
      title: `${title}: modul ${day.session.module.position}, dag ${d.days.filter((x, j) => j <= i && x.session.id === day.session.id).length}`,
      location: day.session.venue ? `${day.session.venue.name}, ${day.session.venue.street}, ${day.session.venue.postalCode} ${day.session.venue.city}` : null,
      description: link ? `${day.session.module.title}\nDin tilmelding: ${link}` : day.session.module.title,
    })),
    {
      uidPrefix: `enrolment-${d.id}`,
      method,
      sequence,
      url: link,
      organizer: { name: d.cohort.programme.providerName, email: from.address },
      attendee: { name: d.person.name, email: d.person.email },
    },
  );
  return {
    filename: method === "CANCEL" ? "aflyste-kursusdage.ics" : "kursusdage.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
  };
}

/** A mail to the enrolment's person: greeting, the blocks, the provider's signature. */
export function mail(d: EnrolmentDetails, m: { dedupeKey: string; subject: string; blocks: Block[]; attachments?: MailAttachment[] }): OutgoingMail {
  const blocks: Block[] = [{ p: `Kære ${d.person.name}` }, ...m.blocks, { p: `Venlig hilsen\n${d.cohort.programme.providerName}` }];
  return {
    dedupeKey: m.dedupeKey,
    to: d.person.email,
    fromName: d.cohort.programme.providerName,
    ...composeMail(m.subject, blocks),
    attachments: m.attachments,
  };
}

const terms = (d: EnrolmentDetails): Block => ({ p: `Vilkår: ${d.cohort.programme.termsText}` });

/** The link to the participant's implementeringsstillads, in the mails of a seat holder that carry the manage link. */
export const workspace = (token: string): Block => ({
  lead: "Dit implementeringsstillads, hvor du arbejder med din løsning fra modul 1 til modul 2:",
  link: workspaceUrl(token),
  label: "Mit implementeringsstillads",
});

export function confirmationMail(d: EnrolmentDetails, token: string): OutgoingMail {
  const link = manageUrl(token);
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `enrolment-confirmed:${d.id}`,
    subject: `Bekræftelse: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Tak for din tilmelding til ${p.title}, hold ${d.cohort.name}. Du har en plads på holdet.` },
      ...schedule(d),
      ...invoice(d),
      terms(d),
      { lead: "Se og ret din tilmelding, send en kollega i dit sted eller bed om afmelding her:", link, label: "Din tilmelding" },
      workspace(token),
      { p: "Kursusdagene er vedhæftet som kalenderfil (.ics)." },
    ],
    attachments: [calendar(d, "PUBLISH", d.calendarSequence, link)],
  });
}

export function waitlistMail(d: EnrolmentDetails, token: string, position: number): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `enrolment-waitlisted:${d.id}`,
    subject: `Venteliste: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Holdet ${d.cohort.name} på ${p.title} er fuldt, så du står nu på ventelisten som nummer ${position}.` },
      { p: "Bliver der en plads ledig, får du den tilbudt på mail og har en frist til at sige ja. Du betaler kun, hvis du får en plads. Vil du ikke længere stå på ventelisten, kan du selv framelde dig via linket." },
      ...schedule(d),
      { lead: "Se din plads på ventelisten, eller meld dig af den, her:", link: manageUrl(token), label: "Din plads på ventelisten" },
    ],
  });
}

export function offerMail(d: EnrolmentDetails, token: string, expiresAt: Date): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `waitlist-offer:${d.id}:${expiresAt.toISOString()}`,
    subject: `Der er en plads til dig: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Der er blevet en plads ledig på holdet ${d.cohort.name}, og den er din, hvis du vil have den.` },
      {
        lead: `Bekræft senest ${formatDateTime(expiresAt)} via linket herunder. Ellers går pladsen videre til den næste på ventelisten. Vil du ikke have den, kan du også sige nej tak samme sted.`,
        link: manageUrl(token),
        label: "Svar på tilbuddet",
      },
      // The terms say themselves that enrolment is binding; the mail does not say it a second time.
      { p: `Når du har sagt ja, gælder vilkårene: ${p.termsText}` },
    ],
  });
}

/** The privacy notice for someone whose data another person gave us (a colleague who was sent in their place). */
function privacyNoticeOnBehalf(sender: string): Block[] {
  return [
    { h: "Dine oplysninger" },
    {
      p: `${sender} har givet os dit navn, din e-mail, dit telefonnummer og din stillingsbetegnelse, så du kan overtage pladsen. Du har ikke selv givet samtykke til noget: vi bruger oplysningerne til at administrere din deltagelse og til faktureringen af din arbejdsplads (databeskyttelsesforordningens artikel 6, stk. 1, litra b og c). Udbyderen af uddannelsen er dataansvarlig.`,
    },
    { ul: RETENTION_CLASSES.map((c) => `${c.title}: ${c.period}`) },
    { p: "Via dit personlige link kan du se de oplysninger, vi har om dig, og rette dem. Du har også ret til indsigt, sletning og indsigelse, og du kan klage til Datatilsynet." },
    { lead: "Hele privatlivspolitikken:", link: privacyUrl(), label: "Privatlivspolitik" },
  ];
}

export function substitutionMails(original: EnrolmentDetails, replacement: EnrolmentDetails, replacementToken: string): OutgoingMail[] {
  const p = original.cohort.programme;
  const link = manageUrl(replacementToken);
  return [
    mail(original, {
      dedupeKey: `substituted-original:${original.id}`,
      subject: `Din plads er overdraget: ${p.title}, ${original.cohort.name}`,
      blocks: [
        { p: `Din plads på ${p.title}, hold ${original.cohort.name}, er nu overdraget til ${replacement.person.name} (${replacement.person.email}). Fakturaen sendes som aftalt til ${original.organisation?.name ?? "din organisation"}.` },
        { p: "Den vedhæftede kalenderfil fjerner kursusdagene fra din kalender." },
      ],
      attachments: [calendar(original, "CANCEL", original.calendarSequence)],
    }),
    mail(replacement, {
      dedupeKey: `enrolment-confirmed:${replacement.id}`,
      subject: `Du har overtaget en plads: ${p.title}, ${replacement.cohort.name}`,
      blocks: [
        { p: `${original.person.name} har sendt dig i sit sted på ${p.title}, hold ${replacement.cohort.name}. Pladsen er nu din.` },
        ...schedule(replacement),
        ...invoice(replacement),
        terms(replacement),
        { lead: "Se og ret dine oplysninger og kosthensyn, eller send selv en kollega, her:", link, label: "Din tilmelding" },
        workspace(replacementToken),
        { p: "Kursusdagene er vedhæftet som kalenderfil (.ics)." },
        ...privacyNoticeOnBehalf(original.person.name),
      ],
      attachments: [calendar(replacement, "PUBLISH", replacement.calendarSequence, link)],
    }),
  ];
}

export function cancellationRequestMail(d: EnrolmentDetails): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `cancellation-requested:${d.id}:${d.cancellationRequestedAt?.toISOString() ?? ""}`,
    subject: `Vi har modtaget din anmodning om afmelding: ${p.title}`,
    blocks: [
      { p: `Vi har modtaget din anmodning om at blive afmeldt ${p.title}, hold ${d.cohort.name}. Tilmeldingen er bindende, så en administrator ser på sagen og svarer dig. Indtil da har du fortsat din plads.` },
      { p: `Husk, at du i stedet kan sende en kollega: ${p.substitutionAllowed ? "det gør du via linket i din bekræftelse." : "kontakt os."}` },
    ],
  });
}

/** An administrator turned down a request to cancel: the seat and the invoice stand. */
export function cancellationRejectedMail(d: EnrolmentDetails, requestedAt: Date): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `cancellation-rejected:${d.id}:${requestedAt.toISOString()}`,
    subject: `Din anmodning om afmelding: ${p.title}`,
    blocks: [
      { p: `Vi har behandlet din anmodning om afmelding af ${p.title}, hold ${d.cohort.name}. Tilmeldingen er bindende, så din plads og fakturaen står ved magt.` },
      { p: p.substitutionAllowed ? "Kan du ikke deltage, kan du sende en kollega i dit sted via linket i din bekræftelse." : "Kan du ikke deltage, så kontakt os." },
    ],
  });
}

/**
 * The enrolment was cancelled (by an administrator, or because it moved elsewhere). Someone who held a
 * seat gets a calendar file that removes the course days (`sequence` must be higher than any sent before).
 */
export function cancelledMail(d: EnrolmentDetails, opts: { reason: string; heldSeat: boolean; sequence: number; dedupeKey?: string }): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: opts.dedupeKey ?? `enrolment-cancelled:${d.id}`,
    subject: `Tilmelding annulleret: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Din tilmelding til ${p.title}, hold ${d.cohort.name}, er annulleret.` },
      { p: `Begrundelse: ${opts.reason}` },
      ...(opts.heldSeat ? [{ p: "Den vedhæftede kalenderfil fjerner kursusdagene fra din kalender." }] : []),
      { p: "Har du spørgsmål, så svar på denne mail eller kontakt os." },
    ],
    attachments: opts.heldSeat ? [calendar(d, "CANCEL", opts.sequence)] : undefined,
  });
}

/** An administrator moved the enrolment to another cohort: the old days are cancelled, the new ones sent. */
export function movedMail(
  from: EnrolmentDetails,
  to: EnrolmentDetails,
  opts: { token: string; waitlistRank: number | null; heldSeat: boolean; sequence: number },
): OutgoingMail {
  const p = to.cohort.programme;
  const link = manageUrl(opts.token);
  const attachments: MailAttachment[] = [];
  if (opts.heldSeat) attachments.push(calendar(from, "CANCEL", opts.sequence));
  if (!opts.waitlistRank) attachments.push(calendar(to, "PUBLISH", to.calendarSequence, link));
  return mail(to, {
    dedupeKey: `enrolment-moved:${from.id}`,
    subject: `Du er flyttet til holdet ${to.cohort.name}: ${p.title}`,
    blocks: [
      {
        p: opts.waitlistRank
          ? `Din tilmelding til ${p.title} er flyttet fra holdet ${from.cohort.name} til holdet ${to.cohort.name}. Holdet er fuldt, så du står på ventelisten som nummer ${opts.waitlistRank}.`
          : `Din tilmelding til ${p.title} er flyttet fra holdet ${from.cohort.name} til holdet ${to.cohort.name}. Du har en plads på det nye hold.`,
      },
      { h: "De nye kursusdage" },
      ...schedule(to),
      ...(opts.waitlistRank ? [] : invoice(to)),
      { lead: "Dit link til tilmeldingen er nyt; det gamle virker ikke længere:", link, label: "Din tilmelding" },
      ...(opts.waitlistRank ? [] : [workspace(opts.token)]),
      {
        p: [
          opts.heldSeat ? "Kalenderfilen aflyste-kursusdage.ics fjerner de gamle kursusdage fra din kalender." : null,
          opts.waitlistRank ? null : "Kalenderfilen kursusdage.ics lægger de nye ind.",
        ]
          .filter(Boolean)
          .join(" ") || "Du får en kalenderfil, når du har fået en plads.",
      },
    ],
    attachments,
  });
}

/** Receipt for someone who took themself off the waitlist (or turned down an offered seat). */
export function waitlistLeftMail(d: EnrolmentDetails, declinedOffer: boolean): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `waitlist-left:${d.id}`,
    subject: declinedOffer ? `Du har sagt nej tak til pladsen: ${p.title}` : `Du er afmeldt ventelisten: ${p.title}`,
    blocks: [
      {
        p: declinedOffer
          ? `Du har sagt nej tak til pladsen på ${p.title}, hold ${d.cohort.name}. Pladsen går videre til den næste på ventelisten. Du skal ikke betale noget.`
          : `Du står ikke længere på ventelisten til ${p.title}, hold ${d.cohort.name}. Du skal ikke betale noget.`,
      },
      { p: "Vil du gerne med alligevel, kan du tilmelde dig igen på uddannelsens side, så længe der er åbent for tilmelding." },
    ],
  });
}

/** "Send mit link igen": a fresh manage link, mailed to the address we have; the old link stops working. */
export function resendLinkMail(d: EnrolmentDetails, token: string, sentAt: Date): OutgoingMail {
  const p = d.cohort.programme;
  return mail(d, {
    dedupeKey: `manage-link:${d.id}:${sentAt.toISOString()}`,
    subject: `Dit link til tilmeldingen: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Du (eller nogen med din e-mailadresse) har bedt om et nyt link til din tilmelding til ${p.title}, hold ${d.cohort.name}.` },
      { lead: "Her er dit nye link. Links i tidligere mails virker ikke længere:", link: manageUrl(token), label: "Din tilmelding" },
      ...(d.status === "CONFIRMED" || d.status === "COMPLETED" ? [workspace(token)] : []),
      { p: "Har du ikke bedt om det, kan du se bort fra mailen: din tilmelding er uændret." },
    ],
  });
}
