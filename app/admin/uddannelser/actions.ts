"use server";

import type { FormState } from "@/lib/http/result";
import { adminAction, adminForm } from "@/lib/http/form-action";
import { ModuleSchema, ProgrammeSchema } from "@/lib/programmes/schemas";
import { addModule, createProgramme, moveModule, updateModule, updateProgramme } from "@/lib/programmes/service";

const programme = (programmeId: string) => ({ permission: "programme:update", page: `/admin/uddannelser/${programmeId}` }) as const;

export async function createProgrammeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "programme:update", page: "/admin/uddannelser/ny", schema: ProgrammeSchema }, async (data, user) => ({
    redirect: `/admin/uddannelser/${(await createProgramme(data, user.id)).id}`,
  }));
}

export async function updateProgrammeAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(
    fd,
    { ...programme(programmeId), revalidate: ["/uddannelser/[slug]"], schema: ProgrammeSchema, message: "Uddannelsen er gemt." },
    (data, user) => updateProgramme(programmeId, data, user.id),
  );
}

export async function addModuleAction(programmeId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...programme(programmeId), schema: ModuleSchema, message: "Modulet er tilføjet." }, (data, user) => addModule(programmeId, data, user.id));
}

export async function updateModuleAction(programmeId: string, moduleId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...programme(programmeId), schema: ModuleSchema, message: "Modulet er gemt." }, (data, user) => updateModule(moduleId, data, user.id));
}

export async function moveModuleAction(programmeId: string, moduleId: string, direction: "up" | "down"): Promise<FormState> {
  return adminAction({ ...programme(programmeId), message: "Rækkefølgen er ændret." }, (user) => moveModule(moduleId, direction === "up" ? "up" : "down", user.id));
}
