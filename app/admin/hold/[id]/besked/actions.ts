"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { CohortMessageSchema } from "@/lib/cohort-messages/schemas";
import { createDraft, sendMessage } from "@/lib/cohort-messages/service";
import { runAction, runForm } from "@/lib/http/run-action";
import { kickJobs } from "@/lib/jobs";

// "Skriv til holdet": the draft is saved and shown as a preview; sending is a second, separate post.

export async function previewMessageAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}/besked`);
  let draftId = "";
  const result = await runForm(fd, CohortMessageSchema, async (data) => {
    draftId = (await createDraft(cohortId, data, user.id)).id;
    return "Kladden er gemt.";
  });
  if (!result?.ok) return result;
  redirect(`/admin/hold/${cohortId}/besked/${draftId}`);
}

export async function sendMessageAction(cohortId: string, messageId: string): Promise<FormState> {
  const user = await requirePermission("cohort:update", `/admin/hold/${cohortId}/besked`);
  const result = await runAction({}, async () => {
    await sendMessage(String(cohortId), String(messageId), user.id);
    return "Beskeden er sendt.";
  });
  if (!result?.ok) return result;
  after(kickJobs);
  redirect(`/admin/hold/${cohortId}/besked/${messageId}?sendt=1`);
}
