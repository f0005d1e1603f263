"use server";

import type { FormState } from "@/components/ui/action-form";
import { adminAction } from "@/lib/http/form-action";
import { issueCohortInvoices, markInvoicePaid } from "@/lib/invoicing/service";

const invoicing = (cohortId: string) => ({ permission: "invoice:issue", page: `/admin/hold/${cohortId}/fakturering` }) as const;

export async function issueInvoicesAction(cohortId: string): Promise<FormState> {
  // PDF invoices wait in the outbox: send them now rather than at the next tick.
  return adminAction({ ...invoicing(cohortId), kick: true }, async (user) => {
    const { invoiceIds, waiting } = await issueCohortInvoices({ cohortId, actorUserId: user.id });
    // The button goes once everything is issued, so the page itself says what happened.
    return { redirect: `/admin/hold/${cohortId}/fakturering?udstedt=${invoiceIds.length}&venter=${waiting}` };
  });
}

export async function markPaidAction(cohortId: string, invoiceId: string): Promise<FormState> {
  return adminAction(invoicing(cohortId), async (user) => {
    await markInvoicePaid({ invoiceId, actorUserId: user.id });
    return "Fakturaen er markeret som betalt.";
  });
}
