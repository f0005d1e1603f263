"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { FormState } from "@/components/ui/action-form";
import { limitedForm, type FormSchema, type Outcome } from "@/lib/http/form-action";
import { formDataToObject } from "@/lib/forms";
import { ITEM_SCHEMAS, SECTIONS, ShareSchema, WorkspaceBasicsSchema, WorkspaceCreateSchema, type Section } from "@/lib/workspace/schemas";
import {
  addItem,
  createWorkspace,
  deleteWorkspace,
  moveItem,
  removeItem,
  revokeShare,
  setTeacherShare,
  shareWithColleague,
  updateBasics,
  updateItem,
} from "@/lib/workspace/service";

// The workspace's server actions. The token (and the workspace and item ids) arrive bound from the
// page, which a client can alter: lib/workspace checks every one of them inside its transaction.
// Each action parses its input again and changes nothing on bad input; the typed values go back.

const LIMIT = { name: "workspace", max: 300, message: "For mange gem på kort tid. Vent lidt, og prøv igen." };

/**
 * A workspace form: once the work has succeeded, the participant's overview shows the change, and so
 * does the workspace's own page when `id` is given (not when the workspace was created or deleted).
 */
function workspaceForm<S extends FormSchema>(
  fd: FormData,
  schema: S | null,
  pages: { token: string; id?: string },
  work: (data: z.output<S>) => Promise<Outcome>,
  options: { kick?: boolean } = {},
): Promise<FormState> {
  return limitedForm(fd, schema, LIMIT, async (data) => {
    const outcome = await work(data);
    revalidatePath(`/stillads/${pages.token}`);
    if (pages.id) revalidatePath(`/stillads/${pages.token}/${pages.id}`);
    return outcome;
  }, options);
}

export async function createWorkspaceAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, WorkspaceCreateSchema, { token }, async (data) => ({ redirect: `/stillads/${token}/${await createWorkspace(token, data)}` }));
}

export async function updateBasicsAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, WorkspaceBasicsSchema, { token, id }, async (data) => {
    await updateBasics(token, id, data);
    return "Løsning og gevinst er gemt.";
  });
}

type ItemInput = Parameters<typeof addItem>[2];

/** Adding and editing an entry: the section's own schema, then the work with the parsed entry. */
async function itemForm(token: string, id: string, section: string, fd: FormData, work: (input: ItemInput) => Promise<string>): Promise<FormState> {
  if (typeof section !== "string" || !(SECTIONS as readonly string[]).includes(section)) {
    return { ok: false, message: "Afsnittet findes ikke.", values: formDataToObject(fd) };
  }
  const s = section as Section;
  return workspaceForm(fd, ITEM_SCHEMAS[s], { token, id }, (data) => work({ section: s, data } as ItemInput));
}

export async function addItemAction(token: string, id: string, section: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return itemForm(token, id, section, fd, async (input) => {
    await addItem(token, id, input);
    return "Punktet er tilføjet.";
  });
}

export async function updateItemAction(token: string, id: string, section: string, itemId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return itemForm(token, id, section, fd, async (input) => {
    await updateItem(token, id, itemId, input);
    return "Ændringen er gemt.";
  });
}

export async function moveItemAction(token: string, id: string, itemId: string, direction: string, _prev: FormState, fd: FormData): Promise<FormState> {
  if (direction !== "up" && direction !== "down") return { ok: false, message: "Ukendt retning.", values: formDataToObject(fd) };
  return workspaceForm(fd, null, { token, id }, async () => {
    await moveItem(token, id, itemId, direction);
    return direction === "up" ? "Flyttet op." : "Flyttet ned.";
  });
}

export async function removeItemAction(token: string, id: string, itemId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, null, { token, id }, async () => {
    await removeItem(token, id, itemId);
    return "Punktet er fjernet.";
  });
}

export async function teacherShareAction(token: string, id: string, share: boolean, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, null, { token, id }, async () => {
    await setTeacherShare(token, id, share === true);
    return share ? "Underviserne kan nu læse dit implementeringsstillads." : "Underviserne kan ikke længere læse dit implementeringsstillads.";
  });
}

export async function shareAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  // The colleague's mail waits in the outbox: send it now rather than at the next tick.
  return workspaceForm(fd, ShareSchema, { token, id }, async (data) => {
    await shareWithColleague(token, id, data);
    return `Vi har sendt et link til ${data.colleagueName}. Du kan lukke det igen herunder.`;
  }, { kick: true });
}

export async function revokeShareAction(token: string, id: string, shareId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, null, { token, id }, async () => {
    await revokeShare(token, id, shareId);
    return "Linket er lukket.";
  });
}

export async function deleteWorkspaceAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return workspaceForm(fd, null, { token }, async () => {
    await deleteWorkspace(token, id);
    return { redirect: `/stillads/${token}?slettet=1` };
  });
}
