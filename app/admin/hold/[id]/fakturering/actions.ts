"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { runAction } from "@/lib/http/run-action";
import { issueCohortInvoices, markInvoicePaid } from "@/lib/invoicing/service";
import { kickJobs } from "@/lib/jobs";

export async function issueInvoicesAction(cohortId: string): Promise<FormState> {
  const user = await requirePermission("invoice:issue", `/admin/hold/${cohortId}/fakturering`);
  const result = await runAction({}, async () => {
    const { invoiceIds, waiting } = await issueCohortInvoices({ cohortId, actorUserId: user.id });
    const issued = invoiceIds.length === 0 ? "Der var ingen nye fakturaer at udstede." : `${invoiceIds.length} ${invoiceIds.length === 1 ? "faktura er" : "fakturaer er"} udstedt.`;
    return waiting ? `${issued} ${waiting} venter på rettede oplysninger (se ovenfor).` : issued;
  });
  // PDF invoices wait in the outbox: send them now rather than at the next tick.
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}/fakturering`);
  return result;
}

export async function markPaidAction(cohortId: string, invoiceId: string): Promise<FormState> {
  const user = await requirePermission("invoice:issue", `/admin/hold/${cohortId}/fakturering`);
  const result = await runAction({}, async () => {
    await markInvoicePaid({ invoiceId, actorUserId: user.id });
    return "Fakturaen er markeret som betalt.";
  });
  revalidatePath(`/admin/hold/${cohortId}/fakturering`);
  return result;
}
