"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { runAction } from "@/lib/http/run-action";
import { issueCohortInvoices, markInvoicePaid } from "@/lib/invoicing/service";
import { kickJobs } from "@/lib/jobs";

export async function issueInvoicesAction(cohortId: string): Promise<FormState> {
  const user = await requirePermission("invoice:issue", `/admin/hold/${cohortId}/fakturering`);
  let outcome = { issued: 0, waiting: 0 };
  const result = await runAction({}, async () => {
    const { invoiceIds, waiting } = await issueCohortInvoices({ cohortId, actorUserId: user.id });
    outcome = { issued: invoiceIds.length, waiting };
    return "";
  });
  if (!result?.ok) return result;
  // PDF invoices wait in the outbox: send them now rather than at the next tick.
  after(kickJobs);
  revalidatePath(`/admin/hold/${cohortId}/fakturering`);
  // The button goes once everything is issued, so the page itself says what happened.
  redirect(`/admin/hold/${cohortId}/fakturering?udstedt=${outcome.issued}&venter=${outcome.waiting}`);
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
