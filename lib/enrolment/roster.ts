import "server-only";
import { can } from "../auth/permissions";
import { cohortScope, type StaffUser } from "../auth/session";
import { db } from "../db";
import type { EnrolmentStatus, Prisma } from "../generated/prisma/client";
import { priceBreakdown, type PriceBreakdown } from "../money";

// What staff read about enrolments, shaped by what each role may see. A teacher works with names,
// workplaces, needs and attendance; invoicing (EAN, CVR, reference, billing address, price) needs
// invoice:read, and without it those fields are not even read from the database.

export const ROSTER_PAGE_SIZE = 25;

export interface InvoiceDetails {
  ean: string | null;
  cvr: string | null;
  attention: string | null;
  reference: string | null;
  billingName: string | null;
  billingStreet: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  /** Where a PDF invoice is mailed; null: to the participant. */
  email: string | null;
  price: PriceBreakdown;
}

const invoiceSelect = {
  invoiceEan: true, invoiceCvr: true, invoiceAttention: true, invoiceReference: true, billingName: true,
  billingStreet: true, billingPostalCode: true, billingCity: true, invoiceEmail: true, priceOre: true, vatRateBp: true,
} as const satisfies Prisma.EnrolmentSelect;

type InvoiceRow = { [K in keyof typeof invoiceSelect]: K extends "priceOre" | "vatRateBp" ? number : string | null };

const INVOICE_KEYS = Object.keys(invoiceSelect) as Array<keyof InvoiceRow>;

/** The row with its invoicing fields gathered into `invoice` (undefined when they were not read). */
function splitInvoice<T extends object>(row: T, read: boolean): Omit<T, keyof InvoiceRow> & { invoice?: InvoiceDetails } {
  const rest = { ...row } as Record<string, unknown>;
  for (const k of INVOICE_KEYS) delete rest[k];
  if (!read) return rest as Omit<T, keyof InvoiceRow>;
  const e = row as unknown as InvoiceRow;
  const invoice: InvoiceDetails = {
    ean: e.invoiceEan, cvr: e.invoiceCvr, attention: e.invoiceAttention, reference: e.invoiceReference, billingName: e.billingName,
    billingStreet: e.billingStreet, billingPostalCode: e.billingPostalCode, billingCity: e.billingCity, email: e.invoiceEmail, price: priceBreakdown(e.priceOre, e.vatRateBp),
  };
  return { ...(rest as Omit<T, keyof InvoiceRow>), invoice };
}

const rosterSelect = {
  id: true, status: true, waitlistPosition: true, offerExpiresAt: true, cancellationRequestedAt: true, cancellationRequestReason: true,
  dietaryNeeds: true, accessibilityNeeds: true,
  person: { select: { name: true, email: true } },
  organisation: { select: { name: true } },
} as const satisfies Prisma.EnrolmentSelect;

/**
 * One page of a cohort's enrolments for the cohort page, searched and filtered; `invoice` only for a
 * user with invoice:read. Null when the cohort is outside the user's scope.
 */
export async function cohortRoster(user: StaffUser, cohortId: string, filter: { q?: string; status?: EnrolmentStatus; page?: number } = {}) {
  const withInvoice = can(user.role, "invoice:read");
  const where: Prisma.EnrolmentWhereInput = {
    cohortId,
    cohort: await cohortScope(user),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q
      ? { OR: [{ person: { name: { contains: filter.q, mode: "insensitive" } } }, { person: { email: { contains: filter.q, mode: "insensitive" } } }, { organisation: { name: { contains: filter.q, mode: "insensitive" } } }] }
      : {}),
  };
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db.enrolment.count({ where }),
    db.enrolment.findMany({
      where,
      select: { ...rosterSelect, ...(withInvoice ? invoiceSelect : {}) },
      orderBy: [{ status: "asc" }, { waitlistPosition: "asc" }, { createdAt: "asc" }],
      skip: (page - 1) * ROSTER_PAGE_SIZE,
      take: ROSTER_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    showsInvoice: withInvoice,
    rows: rows.map((r) => splitInvoice(r, withInvoice)),
  };
}

/** One enrolment as the staff page shows it, or null when it is outside the user's scope. */
export async function staffEnrolment(user: StaffUser, enrolmentId: string) {
  const withInvoice = can(user.role, "invoice:read");
  const e = await db.enrolment.findFirst({
    where: { id: enrolmentId, cohort: await cohortScope(user) },
    select: {
      ...rosterSelect,
      cohortId: true, termsAcceptedAt: true, termsVersion: true, cancelReason: true,
      ...(can(user.role, "enrolment:update") ? { internalNotes: true } : {}),
      ...(withInvoice ? invoiceSelect : {}),
      person: { select: { name: true, email: true, phone: true, jobTitle: true } },
      cohort: { select: { name: true, programmeId: true, programme: { select: { title: true, substitutionAllowed: true } } } },
      replaces: { select: { id: true, person: { select: { name: true } } } },
      replacedBy: { select: { id: true, person: { select: { name: true } } } },
    },
  });
  if (!e) return null;
  const { internalNotes, ...rest } = e as typeof e & { internalNotes?: string | null };
  return { ...splitInvoice(rest, withInvoice), internalNotes: internalNotes ?? null };
}
