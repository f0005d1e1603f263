import "server-only";
import type { Block } from "../mail/compose";
import type { OutgoingMail } from "../mail/outbox";
import type { EnrolmentDetails } from "../enrolment/details";
import { calendar, mail as enrolmentMail, manageUrl, workspace } from "../enrolment/mails";
import { formatDay, formatTimeRange } from "../time";

// The practical mails around a module: the reminder before it starts, and the update when its days,
// venue or room change. Both carry the enrolment's whole calendar with a higher SEQUENCE and the same
// UIDs, so a calendar updates the events it already has instead of adding new ones.

type SessionOf = EnrolmentDetails["cohort"]["sessions"][number];

/** Days and times, venue, address, room and accessibility notes of one module, as mail blocks. */
export function practical(s: SessionOf): Block[] {
  const place: Array<[string, string]> = s.venue
    ? [
        ["Sted", s.venue.name],
        ["Adresse", `${s.venue.street}, ${s.venue.postalCode} ${s.venue.city}`],
        ...(s.room ? ([["Lokale", s.room.name]] as Array<[string, string]>) : []),
      ]
    : [["Sted", "Oplyses senere"]];
  const access = [s.venue?.accessibilityNotes, s.room?.accessibilityNotes].filter((x): x is string => !!x);
  return [
    { h: `Modul ${s.module.position}: ${s.module.title}` },
    { ul: s.days.map((d) => `${formatDay(d.startsAt)}, ${formatTimeRange(d.startsAt, d.endsAt)}`) },
    { pairs: place },
    ...(access.length ? [{ h: "Tilgængelighed" }, { p: access.join("\n") }] : []),
  ];
}

/** N days before a module: the practical information, what to prepare, the manage link and the calendar. */
export function moduleReminderMail(d: EnrolmentDetails, s: SessionOf, token: string, sequence: number): OutgoingMail {
  const p = d.cohort.programme;
  const link = manageUrl(token);
  return enrolmentMail(d, {
    dedupeKey: `module-reminder:${d.id}:${s.id}`,
    subject: `Snart modul ${s.module.position}: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Om lidt begynder modul ${s.module.position} af ${p.title}, hold ${d.cohort.name}. Her er det praktiske.` },
      ...practical(s),
      { h: "Forberedelse" },
      { p: s.module.preparation?.trim() || "Der er ingen særlig forberedelse til dette modul." },
      { lead: "Se din tilmelding, ret kosthensyn eller send en kollega i dit sted her. Linket afløser det i tidligere mails:", link, label: "Din tilmelding" },
      workspace(token),
      { p: "Kursusdagene er vedhæftet som kalenderfil (.ics); den opdaterer dem, du allerede har i kalenderen." },
    ],
    attachments: [calendar(d, "PUBLISH", sequence, link)],
  });
}

/** A module's days, venue or room changed: the new practical information and the updated calendar. */
export function sessionChangedMail(d: EnrolmentDetails, s: SessionOf, sequence: number): OutgoingMail {
  const p = d.cohort.programme;
  return enrolmentMail(d, {
    dedupeKey: `session-changed:${d.id}:${sequence}`,
    subject: `Ændring i modul ${s.module.position}: ${p.title}, ${d.cohort.name}`,
    blocks: [
      { p: `Tid eller sted for modul ${s.module.position} af ${p.title}, hold ${d.cohort.name}, er ændret. Sådan er det nu:` },
      ...practical(s),
      { p: "Den vedhæftede kalenderfil (.ics) opdaterer kursusdagene i din kalender." },
    ],
    attachments: [calendar(d, "PUBLISH", sequence)],
  });
}
