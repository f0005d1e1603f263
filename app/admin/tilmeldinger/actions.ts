"use server";

import type { FormState } from "@/lib/http/result";
import { adminForm } from "@/lib/http/form-action";
import { moveEnrolment, updateEnrolmentDetails } from "@/lib/enrolment/admin";
import { registerSubstitution } from "@/lib/enrolment/manage";
import { AdminEnrolmentEditSchema, ColleagueSchema, MoveEnrolmentSchema } from "@/lib/enrolment/schemas";

const enrolmentPage = (enrolmentId: string) => `/admin/tilmeldinger/${enrolmentId}`;

export async function updateEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "enrolment:update", page: enrolmentPage(enrolmentId), schema: AdminEnrolmentEditSchema }, async (data, user) => {
    await updateEnrolmentDetails({ enrolmentId, input: data, actorUserId: user.id });
    return "Oplysningerne er gemt.";
  });
}

// Moving and handing over make a new enrolment, whose page is where the browser goes next.

export async function moveEnrolmentAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "enrolment:update", page: enrolmentPage(enrolmentId), kick: true, schema: MoveEnrolmentSchema }, async (data, user) => ({
    redirect: enrolmentPage((await moveEnrolment({ enrolmentId, targetCohortId: data.targetCohortId, actorUserId: user.id })).enrolmentId),
  }));
}

export async function registerSubstitutionAction(enrolmentId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "enrolment:update", page: enrolmentPage(enrolmentId), kick: true, schema: ColleagueSchema }, async (data, user) => ({
    redirect: enrolmentPage((await registerSubstitution(enrolmentId, data, user.id)).enrolmentId),
  }));
}
