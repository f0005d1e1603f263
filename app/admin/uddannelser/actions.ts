"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { runAction, runForm } from "@/lib/http/run-action";
import { ModuleSchema, ProgrammeSchema } from "@/lib/programmes/schemas";
import { addModule, createProgramme, moveModule, updateModule, updateProgramme } from "@/lib/programmes/service";

export async function createProgrammeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", "/admin/uddannelser/ny");
  let id = "";
  const r = await runForm(fd, ProgrammeSchema, async (data) => {
    id = (await createProgramme(data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  redirect(`/admin/uddannelser/${id}`);
}

export async function updateProgrammeAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const r = await runForm(fd, ProgrammeSchema, async (data) => {
    await updateProgramme(programmeId, data, user.id);
    return "Uddannelsen er gemt.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  revalidatePath("/uddannelser/[slug]", "page");
  return r;
}

export async function addModuleAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const r = await runForm(fd, ModuleSchema, async (data) => {
    await addModule(programmeId, data, user.id);
    return "Modulet er tilføjet.";
  });
  revalidatePath(`/admin/uddannelser/${programmeId}`);
  return r;
}

export async function updateModuleAction(programmeId: string, moduleId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("programme:update", `/admin/uddannelser/${programmeId}`);
  const r = await runForm(fd, ModuleSchema, async (data) => {
    await updateModule(moduleId, data, user.id);
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
