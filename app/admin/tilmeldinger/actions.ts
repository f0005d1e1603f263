"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { runForm } from "@/lib/http/run-action";
import { moveEnrolment, updateEnrolmentDetails } from "@/lib/enrolment/admin";
import { registerSubstitution } from "@/lib/enrolment/manage";
import { AdminEnrolmentEditSchema, ColleagueSchema, MoveEnrolmentSchema } from "@/lib/enrolment/schemas";
import { kickJobs } from "@/lib/jobs";

export async function updateEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  const r = await runForm(fd, AdminEnrolmentEditSchema, async (data) => {
    await updateEnrolmentDetails({ enrolmentId, input: data, actorUserId: user.id });
    return "Oplysningerne er gemt.";
  });
  revalidatePath(`/admin/tilmeldinger/${enrolmentId}`);
  return r;
}

export async function moveEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  let newId = "";
  const r = await runForm(fd, MoveEnrolmentSchema, async (data) => {
    newId = (await moveEnrolment({ enrolmentId, targetCohortId: data.targetCohortId, actorUserId: user.id })).enrolmentId;
    return "";
  });
  if (!r?.ok) return r;
  after(kickJobs);
  redirect(`/admin/tilmeldinger/${newId}`);
}

export async function registerSubstitutionAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("enrolment:update", `/admin/tilmeldinger/${enrolmentId}`);
  let newId = "";
  const r = await runForm(fd, ColleagueSchema, async (data) => {
    newId = (await registerSubstitution(enrolmentId, data, user.id)).enrolmentId;
    return "";
  });
  if (!r?.ok) return r;
  after(kickJobs);
  redirect(`/admin/tilmeldinger/${newId}`);
}
