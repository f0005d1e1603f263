"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { moveEnrolment, updateEnrolmentDetails } from "@/lib/enrolment/admin";
import { registerSubstitution } from "@/lib/enrolment/manage";
import { AdminEnrolmentEditSchema, ColleagueSchema, MoveEnrolmentSchema, fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { kickJobs } from "@/lib/jobs";


export async function updateEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  const values = formDataToObject(fd);
  const parsed = AdminEnrolmentEditSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await updateEnrolmentDetails({ enrolmentId, input: parsed.data, actorUserId: user.id });
    return "Oplysningerne er gemt.";
  });
  revalidatePath(`/admin/tilmeldinger/${enrolmentId}`);
  return r;
}

export async function moveEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  const values = formDataToObject(fd);
  const parsed = MoveEnrolmentSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let newId = "";
  const r = await runAction(values, async () => {
    newId = (await moveEnrolment({ enrolmentId, targetCohortId: parsed.data.targetCohortId, actorUserId: user.id })).enrolmentId;
    return "";
  });
  if (!r?.ok) return r;
  after(kickJobs);
  redirect(`/admin/tilmeldinger/${newId}`);
}

export async function registerSubstitutionAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  const values = formDataToObject(fd);
  const parsed = ColleagueSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let newId = "";
  const r = await runAction(values, async () => {
    newId = (await registerSubstitution(enrolmentId, parsed.data, user.id)).enrolmentId;
    return "";
  });
  if (!r?.ok) return r;
  after(kickJobs);
  redirect(`/admin/tilmeldinger/${newId}`);
}
