"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/components/ui/action-form";
import { clientIp } from "@/lib/http/client-ip";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { fieldErrors, formDataToObject } from "@/lib/forms";
import { kickJobs } from "@/lib/jobs";
import { consumeRateLimit } from "@/lib/rate-limit";
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

const paths = (token: string, id?: string) => {
  revalidatePath(`/stillads/${token}`);
  if (id) revalidatePath(`/stillads/${token}/${id}`);
};

async function limited(values: Record<string, string>, work: () => Promise<string>): Promise<FormState> {
  const limit = await consumeRateLimit(`workspace:ip:${await clientIp()}`, 300, 10 * 60_000);
  if (!limit.allowed) return { ok: false, message: "For mange gem på kort tid. Vent lidt, og prøv igen.", values };
  return runAction(values, work, "workspace");
}

export async function createWorkspaceAction(token: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = WorkspaceCreateSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let id = "";
  const state = await limited(values, async () => {
    id = await createWorkspace(token, parsed.data);
    paths(token);
    return "Oprettet.";
  });
  if (state?.ok) redirect(`/stillads/${token}/${id}`);
  return state;
}

export async function updateBasicsAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = WorkspaceBasicsSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return limited(values, async () => {
    await updateBasics(token, id, parsed.data);
    paths(token, id);
    return "Løsning og gevinst er gemt.";
  });
}

function sectionOf(section: unknown): Section | null {
  return typeof section === "string" && (SECTIONS as readonly string[]).includes(section) ? (section as Section) : null;
}

type ItemParse = { error: FormState } | { input: Parameters<typeof addItem>[2] };

function parseItem(section: Section, values: Record<string, string>): ItemParse {
  const parsed = ITEM_SCHEMAS[section].safeParse(values);
  if (!parsed.success) return { error: invalidInput(values, fieldErrors(parsed.error)) };
  return { input: { section, data: parsed.data } as Parameters<typeof addItem>[2] };
}

/** Adding and editing an entry: the section's schema, then the work with the parsed entry. */
async function itemAction(section: string, fd: FormData, work: (input: Parameters<typeof addItem>[2]) => Promise<string>): Promise<FormState> {
  const values = formDataToObject(fd);
  const s = sectionOf(section);
  if (!s) return { ok: false, message: "Afsnittet findes ikke.", values };
  const r = parseItem(s, values);
  if ("error" in r) return r.error;
  return limited(values, () => work(r.input));
}

export async function addItemAction(token: string, id: string, section: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return itemAction(section, fd, async (input) => {
    await addItem(token, id, input);
    paths(token, id);
    return "Punktet er tilføjet.";
  });
}

export async function updateItemAction(token: string, id: string, section: string, itemId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return itemAction(section, fd, async (input) => {
    await updateItem(token, id, itemId, input);
    paths(token, id);
    return "Ændringen er gemt.";
  });
}

export async function moveItemAction(token: string, id: string, itemId: string, direction: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  if (direction !== "up" && direction !== "down") return { ok: false, message: "Ukendt retning.", values };
  return limited(values, async () => {
    await moveItem(token, id, itemId, direction);
    paths(token, id);
    return direction === "up" ? "Flyttet op." : "Flyttet ned.";
  });
}

export async function removeItemAction(token: string, id: string, itemId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  return limited(values, async () => {
    await removeItem(token, id, itemId);
    paths(token, id);
    return "Punktet er fjernet.";
  });
}

export async function teacherShareAction(token: string, id: string, share: boolean, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  return limited(values, async () => {
    await setTeacherShare(token, id, share === true);
    paths(token, id);
    return share ? "Underviserne kan nu læse dit implementeringsstillads." : "Underviserne kan ikke længere læse dit implementeringsstillads.";
  });
}

export async function shareAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = ShareSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const state = await limited(values, async () => {
    await shareWithColleague(token, id, parsed.data);
    paths(token, id);
    return `Vi har sendt et link til ${parsed.data.colleagueName}. Du kan lukke det igen herunder.`;
  });
  if (state?.ok) after(kickJobs);
  return state;
}

export async function revokeShareAction(token: string, id: string, shareId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  return limited(values, async () => {
    await revokeShare(token, id, shareId);
    paths(token, id);
    return "Linket er lukket.";
  });
}

export async function deleteWorkspaceAction(token: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const state = await limited(values, async () => {
    await deleteWorkspace(token, id);
    paths(token);
    return "Slettet.";
  });
  if (state?.ok) redirect(`/stillads/${token}?slettet=1`);
  return state;
}
