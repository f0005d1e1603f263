// The audit log in words: Danish names for the action codes and entity types that lib/ records with
// audit(), for who acted, and for the fields of a change. Pure, so the labels are tested for every
// code in use (audit-labels.test.ts) and any page can use them.
import { ATTENDANCE_LABELS } from "./attendance/schemas";
import { ROLE_LABELS } from "./auth/permissions";
import { COHORT_STATUS_LABELS } from "./cohorts/schemas";
import { ENROLMENT_STATUS_LABELS } from "./enrolment/schemas";
import { PROGRAMME_STATUS_LABELS } from "./programmes/schemas";
import { formatMoney, formatVatRate } from "./money";
import { ownValue } from "./own-key";
import { formatClock, formatDate, formatDateTime } from "./time";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "workspace.created": "Implementeringsstillads oprettet",
  "workspace.updated": "Implementeringsstillads rettet",
  "workspace.deleted": "Implementeringsstillads slettet",
  "workspace.item_added": "Punkt tilføjet til implementeringsstillads",
  "workspace.item_updated": "Punkt i implementeringsstillads rettet",
  "workspace.item_removed": "Punkt fjernet fra implementeringsstillads",
  "workspace.item_moved": "Punkt i implementeringsstillads flyttet",
  "workspace.shared": "Implementeringsstillads delt med en kollega",
  "workspace.share_revoked": "Deling af implementeringsstillads lukket",
  "workspace.shared_with_teachers": "Implementeringsstillads delt med underviserne",
  "workspace.unshared_with_teachers": "Deling med underviserne stoppet",
  "attendance.recorded": "Fremmøde registreret",
  "certificate.issued": "Kursusbevis udstedt",
  "certificate.reinstated": "Kursusbevis genudstedt",
  "certificate.revoked": "Kursusbevis tilbagekaldt",
  "cohort.created": "Hold oprettet",
  "cohort.message_sent": "Besked sendt til holdet",
  "cohort.status_changed": "Holdets status ændret",
  "cohort.updated": "Hold rettet",
  "enrolment.created": "Tilmelding modtaget",
  "enrolment.offered": "Plads tilbudt fra ventelisten",
  "enrolment.offer_accepted": "Tilbudt plads taget imod",
  "enrolment.offer_confirmed": "Tilbudt plads bekræftet af administrationen",
  "enrolment.offer_lapsed": "Tilbud om plads udløbet",
  "enrolment.offer_declined": "Tilbudt plads afslået af deltageren",
  "enrolment.waitlist_left": "Meldt af ventelisten af deltageren",
  "enrolment.manage_link_resent": "Nyt link til tilmeldingen sendt",
  "enrolment.cancellation_requested": "Afmelding ønsket",
  "enrolment.cancellation_rejected": "Ønske om afmelding afvist",
  "enrolment.cancelled": "Tilmelding annulleret",
  "enrolment.moved": "Tilmelding flyttet til et andet hold",
  "enrolment.substituted": "Plads overdraget til en kollega",
  "enrolment.needs_updated": "Kost- og tilgængelighedsbehov rettet",
  "enrolment.details_updated": "Fakturaoplysninger og noter rettet",
  "enrolment.completed": "Uddannelsen gennemført",
  "enrolment.completion_revoked": "Gennemførelse trukket tilbage",
  "evaluation_form.created": "Evaluering oprettet",
  "evaluation_form.updated": "Evalueringens indstillinger rettet",
  "evaluation_form.versioned": "Ny version af evalueringen",
  "evaluation_form.invited": "Invitationer til evaluering sendt",
  "evaluation_form.reminded": "Påmindelser om evaluering sendt",
  "evaluation_question.created": "Spørgsmål tilføjet",
  "evaluation_question.updated": "Spørgsmål rettet",
  "evaluation_question.moved": "Spørgsmål flyttet",
  "evaluation_question.deleted": "Spørgsmål slettet",
  "invoice.issued": "Faktura udstedt",
  "invoice.credited": "Kreditnota udstedt",
  "invoice.status_changed": "Fakturaens status ændret",
  "seller_config.updated": "Sælgeroplysninger til fakturering rettet",
  "module.created": "Modul tilføjet",
  "module.updated": "Modul rettet",
  "module.moved": "Modul flyttet",
  "person.exported": "Personoplysninger udleveret",
  "person.updated_by_participant": "Personoplysninger rettet af deltageren",
  "person.erased": "Personoplysninger slettet",
  "programme.created": "Uddannelse oprettet",
  "programme.updated": "Uddannelse rettet",
  "published_score.created": "Resultat offentliggjort",
  "published_score.deleted": "Offentliggjort resultat fjernet",
  "room.created": "Lokale tilføjet",
  "room.removed": "Lokale fjernet",
  "room.updated": "Lokale rettet",
  "session.updated": "Modulets sted og dage rettet",
  "user.created": "Bruger oprettet",
  "user.updated": "Bruger rettet",
  "venue.created": "Sted oprettet",
  "venue.updated": "Sted rettet",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Cohort: "Hold",
  Enrolment: "Tilmelding",
  Invoice: "Faktura",
  SellerConfig: "Sælgeroplysninger",
  EvaluationForm: "Evaluering",
  EvaluationQuestion: "Evalueringsspørgsmål",
  Module: "Modul",
  Person: "Person",
  Programme: "Uddannelse",
  PublishedScore: "Offentliggjort resultat",
  Room: "Lokale",
  Session: "Modul på hold",
  SessionDay: "Kursusdag",
  User: "Bruger",
  Venue: "Sted",
  Workspace: "Implementeringsstillads",
};

/** The Danish name of an action code; an unknown code is shown as it is rather than hidden. */
export function auditActionLabel(code: string): string {
  return ownValue(AUDIT_ACTION_LABELS, code) ?? code;
}

export function auditEntityLabel(type: string): string {
  return ownValue(AUDIT_ENTITY_LABELS, type) ?? type;
}

const nameIn = (v: unknown): string | undefined => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  for (const key of ["name", "title", "label"]) if (typeof r[key] === "string" && r[key]) return clip(r[key], 80);
  return undefined;
};

/**
 * What an entry is about, by name: the entity's name as it was when the entry was written (stored
 * with it, see lib/audit.ts); for older entries and for things since removed or anonymised, the name
 * or title the entry's own data holds, else the end of the id.
 */
export function auditSubject(entry: { entityType: string; entityId: string; entityLabel?: string | null; before?: unknown; after?: unknown }): string {
  const name = entry.entityLabel || nameIn(entry.after) || nameIn(entry.before) || shortId(entry.entityId);
  return `${auditEntityLabel(entry.entityType)}: ${name}`;
}

/**
 * Who acted: the staff user's name, or what lib/audit.ts's actorLabel says ("applicant",
 * "participant:<enrolmentId>", "system"). A participant's enrolment id is returned for a link.
 */
export function auditActor(actorLabel: string | null, userName?: string | null): { name: string; enrolmentId?: string } {
  if (userName) return { name: userName };
  if (!actorLabel) return { name: "–" };
  if (actorLabel === "applicant") return { name: "Ansøger" };
  if (actorLabel === "system") return { name: "Systemet" };
  if (actorLabel.startsWith("participant:")) return { name: "Deltager", enrolmentId: actorLabel.slice("participant:".length) || undefined };
  return { name: actorLabel };
}

const FIELD_LABELS: Record<string, string> = {
  name: "Navn",
  title: "Titel",
  slug: "Adresse (i URL’en)",
  status: "Status",
  capacity: "Antal pladser",
  enrolmentOpensAt: "Tilmelding åbner",
  enrolmentClosesAt: "Tilmeldingsfrist",
  priceOverrideOre: "Særlig pris for holdet",
  sessions: "Antal moduler",
  reason: "Begrundelse",
  cancellationRequestReason: "Ønske om afmelding",
  waitlistPosition: "Nummer på ventelisten",
  offerExpiresAt: "Tilbuddet gælder til",
  cohortId: "Hold",
  newEnrolmentId: "Ny tilmelding",
  personId: "Person",
  replacementEnrolmentId: "Kollegaens tilmelding",
  replacementPersonId: "Kollega",
  dietaryNeeds: "Kosthensyn",
  accessibilityNeeds: "Behov for tilgængelighed",
  invoiceEan: "EAN-nummer",
  invoiceCvr: "CVR-nummer",
  invoiceAttention: "Fakturaen mærkes att.",
  invoiceReference: "Ordre- eller referencenummer",
  billingStreet: "Fakturaadresse",
  billingPostalCode: "Postnummer (faktura)",
  billingCity: "By (faktura)",
  invoiceEmail: "E-mail til PDF-fakturaen",
  internalNotes: "Interne noter",
  marks: "Fremmøde",
  email: "E-mail",
  role: "Rolle",
  active: "Har adgang",
  cohorts: "Underviser på hold",
  passwordChanged: "Ny adgangskode",
  summary: "Resumé",
  audience: "Målgruppe",
  providerName: "Udbyder",
  partnerName: "Samarbejdspartner",
  priceOre: "Pris pr. deltager",
  vatRateBp: "Momssats",
  priceIncludes: "Prisen dækker",
  bindingEnrolment: "Tilmeldingen er bindende",
  substitutionAllowed: "Kollega må overtage pladsen",
  termsText: "Vilkår",
  termsVersion: "Vilkårenes version",
  completionMinAttendancePct: "Gennemført ved fremmøde på mindst",
  reminderDaysBefore: "Påmindelse før hvert modul (dage)",
  preparation: "Forberedelse",
  workspaceMailDaysBefore: "Mail om implementeringsstilladset, dage før modul 2",
  contactName: "Kontaktperson",
  contactTitle: "Kontaktpersonens titel",
  contactPhone: "Kontaktpersonens telefon",
  contactEmail: "Kontaktpersonens e-mail",
  content: "Sidetekst",
  programmeId: "Uddannelse",
  position: "Placering",
  description: "Beskrivelse",
  durationDays: "Antal dage",
  street: "Adresse",
  postalCode: "Postnummer",
  city: "By",
  accessibilityNotes: "Tilgængelighed",
  venueId: "Sted",
  roomId: "Lokale",
  days: "Dage",
  moduleId: "Modul",
  anonymous: "Anonym",
  autoInvite: "Invitér automatisk",
  closesOn: "Svarfrist",
  reminderAfterDays: "Påmindelse efter antal dage",
  invited: "Inviterede",
  automatic: "Automatisk",
  reminded: "Påmindede",
  key: "Nøgle",
  kind: "Type",
  prompt: "Spørgsmål",
  required: "Skal besvares",
  minLabel: "Tekst ved laveste værdi",
  maxLabel: "Tekst ved højeste værdi",
  scaleMin: "Laveste værdi",
  scaleMax: "Højeste værdi",
  options: "Svarmuligheder",
  formId: "Evaluering",
  version: "Version",
  invitationsMoved: "Invitationer flyttet til ny version",
  questionKey: "Spørgsmål",
  label: "Betegnelse",
  enrolments: "Tilmeldinger",
  mails: "Mails",
  auditEntries: "Poster i logbogen",
  attendance: "Fremmøderegistreringer",
  evaluationInvitations: "Evalueringsinvitationer",
  rateLimits: "Tællere for misbrugsbeskyttelse",
};

const STATUS_LABELS: Record<string, Record<string, string>> = {
  Enrolment: ENROLMENT_STATUS_LABELS,
  Cohort: COHORT_STATUS_LABELS,
  Programme: PROGRAMME_STATUS_LABELS,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const number = new Intl.NumberFormat("da-DK");

function fieldLabel(key: string): string {
  return ownValue(FIELD_LABELS, key) ?? key;
}

/** An id in a sentence: its last characters are enough to tell entries apart and to search for it. */
function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

function clip(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** One recorded value in Danish: times in Danish time, money in kroner, codes by their names. */
export function formatAuditValue(key: string, value: unknown, entityType = ""): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  if (typeof value === "number") {
    if (key === "priceOre" || key === "priceOverrideOre") return formatMoney(value);
    if (key === "vatRateBp") return formatVatRate(value);
    if (key === "completionMinAttendancePct") return `${number.format(value)} %`;
    return number.format(value);
  }
  if (typeof value === "string") {
    if (key === "status") return ownValue(ownValue(STATUS_LABELS, entityType) ?? {}, value) ?? value;
    if (key === "role") return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value;
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value));
    if (ISO_DATE.test(value)) return formatDate(new Date(`${value}T12:00:00Z`));
    if (/Id$/.test(key)) return shortId(value);
    return clip(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "–";
    if (key === "marks") {
      const counts = new Map<string, number>();
      for (const m of value as Array<{ status?: string }>) counts.set(m.status ?? "", (counts.get(m.status ?? "") ?? 0) + 1);
      return [...counts].map(([s, n]) => `${ATTENDANCE_LABELS[s as keyof typeof ATTENDANCE_LABELS] ?? s}: ${n}`).join(", ");
    }
    if (key === "days") {
      return (value as Array<{ startsAt?: string; endsAt?: string }>)
        .map((d) => (d.startsAt && d.endsAt ? `${formatDate(new Date(d.startsAt))} kl. ${formatClock(new Date(d.startsAt))}–${formatClock(new Date(d.endsAt))}` : "?"))
        .join("; ");
    }
    if (key === "cohorts") return value.map((v) => shortId(String(v))).join(", ");
    return clip(value.map((v) => (typeof v === "object" && v !== null ? "…" : String(v))).join(", "));
  }
  return "…";
}

export type AuditChange = { field: string; before?: string; after?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An entry's before and after as a list a person can read: one line per field, "field: before →
 * after" where both are known, only the value when a thing was created or removed. Fields that kept
 * their value are left out; a structured value (a page's text) is reported as changed, not dumped.
 */
export function auditChanges(entry: { entityType: string; before: unknown; after: unknown }): AuditChange[] {
  const { entityType, before, after } = entry;
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ field: "Værdi", before: before == null ? undefined : formatAuditValue("", before), after: after == null ? undefined : formatAuditValue("", after) }];
  }
  const b = isRecord(before) ? before : undefined;
  const a = isRecord(after) ? after : undefined;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const out: AuditChange[] = [];
  for (const key of keys) {
    const hasB = !!b && key in b;
    const hasA = !!a && key in a;
    if (hasB && hasA && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const field = fieldLabel(key);
    if (isRecord(b?.[key]) || isRecord(a?.[key])) {
      out.push({ field, after: hasB ? "ændret" : "angivet" });
      continue;
    }
    out.push({
      field,
      before: hasB ? formatAuditValue(key, b[key], entityType) : undefined,
      after: hasA ? formatAuditValue(key, a[key], entityType) : undefined,
    });
  }
  return out;
}
