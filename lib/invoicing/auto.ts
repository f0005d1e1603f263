import "server-only";
import { db } from "../db";
import { sellerProblems } from "./schemas";
import { issueCohortInvoices, sellerConfig } from "./service";

/**
 * The background rule for programmes with autoInvoice: once a cohort's first course day has begun,
 * its confirmed and completed enrolments that have no invoice are invoiced, as if a coordinator had
 * pressed the button (the audit log says "system"). Nothing happens while the seller details are
 * incomplete; a group that waits for corrected details stays on the cohort's page. Safe in every app
 * instance at once: issuing locks the cohort and never invoices an enrolment twice.
 */
export async function issueDueInvoices(now = new Date()): Promise<{ cohorts: number; invoices: number }> {
  if (sellerProblems(await sellerConfig()).length) return { cohorts: 0, invoices: 0 };
  const due = await db.cohort.findMany({
    where: {
      status: { not: "DRAFT" },
      programme: { autoInvoice: true },
      sessions: { some: { days: { some: { startsAt: { lte: now } } } } },
      // A colleague's seat (replacesId set) is billed on the invoice of the one they replaced.
      enrolments: { some: { status: { in: ["CONFIRMED", "COMPLETED"] }, replacesId: null, invoiceLines: { none: { kind: "INVOICE" } } } },
    },
    select: { id: true },
    take: 10,
  });
  let invoices = 0;
  for (const c of due) invoices += (await issueCohortInvoices({ cohortId: c.id, now })).invoiceIds.length;
  return { cohorts: due.length, invoices };
}
