"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { ModuleSchema, ProgrammeSchema } from "@/lib/programmes/schemas";
import { addModule, createProgramme, moveModule, updateModule, updateProgramme } from "@/lib/programmes/service";



export async function createProgrammeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", "/admin/uddannelser/ny");
  const values = formDataToObject(fd);
  const parsed = ProgrammeSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let id = "";
  const r = await runAction(values, async () => {
    id = (await createProgramme(parsed.data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  redirect(`/admin/uddannelser/${id}`);
}

export async function updateProgrammeAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const values = formDataToObject(fd);
  const parsed = ProgrammeSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await updateProgramme(programmeId, parsed.data, user.id);
    return "Uddannelsen er gemt.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  revalidatePath("/uddannelser/[slug]", "page");
  return r;
}

export async function addModuleAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const values = formDataToObject(fd);
  const parsed = ModuleSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await addModule(programmeId, parsed.data, user.id);
    return "Modulet er tilføjet.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  return r;
}

export async function updateModuleAction(programmeId: string, moduleId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const values = formDataToObject(fd);
  const parsed = ModuleSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await updateModule(moduleId, parsed.data, user.id);
    return "Modulet er gemt.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  return r;
}

export async function moveModuleAction(programmeId: string, moduleId: string, direction: "up" | "down"): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const r = await runAction({}, async () => {
    await moveModule(moduleId, direction === "up" ? "up" : "down", user.id);
    return "Rækkefølgen er ændret.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  return r;
}
