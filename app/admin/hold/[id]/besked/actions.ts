"use server";

import type { FormState } from "@/lib/http/result";
import { CohortMessageSchema } from "@/lib/cohort-messages/schemas";
import { createDraft, sendMessage } from "@/lib/cohort-messages/service";
import { adminAction, adminForm } from "@/lib/http/form-action";

// "Skriv til holdet": the draft is saved and shown as a preview; sending is a second, separate post.

const messages = (cohortId: string) => ({ permission: "cohort:update", page: `/admin/hold/${cohortId}/besked` }) as const;

export async function previewMessageAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...messages(cohortId), schema: CohortMessageSchema }, async (data, user) => ({
    redirect: `/admin/hold/${cohortId}/besked/${(await createDraft(cohortId, data, user.id)).id}`,
  }));
}

export async function sendMessageAction(cohortId: string, messageId: string): Promise<FormState> {
  return adminAction({ ...messages(cohortId), kick: true }, async (user) => {
    await sendMessage(String(cohortId), String(messageId), user.id);
    return { redirect: `/admin/hold/${cohortId}/besked/${messageId}?sendt=1` };
  });
}
