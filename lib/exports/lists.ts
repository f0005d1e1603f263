import "server-only";
import { can, type Role } from "../auth/permissions";
import { db } from "../db";
import { priceBreakdown } from "../money";
import { formatDay, localDateIso } from "../time";
import { ENROLMENT_STATUS_LABELS } from "../enrolment/schemas";
import { money, type Table } from "./format";

export const LISTS = { deltagere: "Deltagerliste", forplejning: "Forplejning", fakturering: "Fakturering" } as const;
export type ListName = keyof typeof LISTS;

/** The lists a role may download: the invoicing list needs invoice:read. */
export function listsFor(role: Role): ListName[] {
  return (Object.keys(LISTS) as ListName[]).filter((l) => l !== "fakturering" || can(role, "invoice:read"));
}

/** A list the user's role may not read (the invoicing list without invoice:read). */
export class ListForbiddenError extends Error {}

const SEAT_HOLDERS = ["CONFIRMED", "PENDING", "COMPLETED"] as const;

/** The lists the venue and invoicing need for one cohort. */
export async function buildList(cohortId: string, list: ListName, role: Role): Promise<Table | null> {
  if (!listsFor(role).includes(list)) throw new ListForbiddenError(list);
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    include: { programme: true, sessions: { include: { days: { orderBy: { startsAt: "asc" } } } } },
  });
  if (!cohort) return null;
  const enrolments = await db.enrolment.findMany({
    where: { cohortId, status: { in: list === "deltagere" ? [...SEAT_HOLDERS, "WAITLISTED"] : [...SEAT_HOLDERS] } },
    include: { person: true, organisation: true },
    orderBy: [{ status: "asc" }, { person: { name: "asc" } }],
  });
  const title = `${LISTS[list]} ${cohort.name}`;

  if (list === "deltagere") {
    return {
      title,
      headers: ["Navn", "E-mail", "Telefon", "Stilling", "Arbejdsplads", "Status", "Kosthensyn", "Tilgængelighed"],
      rows: enrolments.map((e) => [e.person.name, e.person.email, e.person.phone, e.person.jobTitle, e.organisation?.name ?? null, ENROLMENT_STATUS_LABELS[e.status], e.dietaryNeeds, e.accessibilityNeeds]),
    };
  }
  if (list === "forplejning") {
    const days = cohort.sessions.flatMap((s) => s.days).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return {
      title,
      headers: ["Dato", "Dag", "Deltagere i alt", "Navn", "Kosthensyn"],
      rows: days.flatMap((d) => {
        const withNeeds = enrolments.filter((e) => e.dietaryNeeds);
        const base = [localDateIso(d.startsAt), formatDay(d.startsAt), enrolments.length] as const;
        return withNeeds.length ? withNeeds.map((e) => [...base, e.person.name, e.dietaryNeeds]) : [[...base, null, "Ingen særlige hensyn"]];
      }),
    };
  }
  return {
    title,
    headers: ["Navn", "Arbejdsplads", "EAN", "CVR", "Att.", "Ordre/reference", "Adresse", "Postnr.", "By", "Pris ekskl. moms (kr.)", "Moms (kr.)", "Pris inkl. moms (kr.)", "Status"],
    rows: enrolments.map((e) => {
      const p = priceBreakdown(e.priceOre, e.vatRateBp);
      return [e.person.name, e.billingName ?? e.organisation?.name ?? null, e.invoiceEan, e.invoiceCvr, e.invoiceAttention, e.invoiceReference, e.billingStreet, e.billingPostalCode, e.billingCity, money(p.exVatOre), money(p.vatOre), money(p.inclVatOre), ENROLMENT_STATUS_LABELS[e.status]];
    }),
  };
}
