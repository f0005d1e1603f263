"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { UserCreateSchema, UserUpdateSchema } from "@/lib/users/schemas";
import { createUser, updateUser } from "@/lib/users/service";


export async function createUserAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("user:manage", "/admin/brugere");
  const values = formDataToObject(fd);
  const parsed = UserCreateSchema.safeParse(values);
  // Never send a password back to the browser.
  const safe = { ...values, password: "" };
  if (!parsed.success) return invalidInput(safe, fieldErrors(parsed.error));
  let id = "";
  const r = await runAction(safe, async () => {
    id = (await createUser(parsed.data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  redirect(`/admin/brugere/${id}`);
}

export async function updateUserAction(userId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("user:manage", `/admin/brugere/${userId}`);
  const values = formDataToObject(fd);
  const cohortIds = fd.getAll("cohorts").filter((v): v is string => typeof v === "string").slice(0, 500);
  const parsed = UserUpdateSchema.safeParse(values);
  const safe = { ...values, password: "" };
  if (!parsed.success) return invalidInput(safe, fieldErrors(parsed.error));
  const r = await runAction(safe, async () => {
    await updateUser(userId, parsed.data, cohortIds, user.id);
    return "Brugeren er gemt.";
  });
  revalidatePath(`/admin/brugere/${userId}`);
  return r;
}
