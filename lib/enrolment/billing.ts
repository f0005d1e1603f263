import type { Enrolment } from "../generated/prisma/client";

const BILLING_FIELDS = [
  "organisationId",
  "priceOre",
  "vatRateBp",
  "invoiceEan",
  "invoiceCvr",
  "invoiceAttention",
  "invoiceReference",
  "invoiceEmail",
  "billingName",
  "billingStreet",
  "billingPostalCode",
  "billingCity",
  "termsAcceptedAt",
  "termsVersion",
] as const satisfies ReadonlyArray<keyof Enrolment>;

export type BillingDetails = Pick<Enrolment, (typeof BILLING_FIELDS)[number]>;

/**
 * What an enrolment is bought on: the organisation, the price and moms, whom and where to invoice, and
 * the organisation's acceptance of the binding terms. A colleague taking over the seat and a move to
 * another cohort carry all of it over unchanged, so they are invoiced as the original was.
 */
export function billingOf(e: BillingDetails): BillingDetails {
  return Object.fromEntries(BILLING_FIELDS.map((f) => [f, e[f]])) as BillingDetails;
}
