"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { GENERIC_ERROR } from "@/lib/http/result";
import { UserCreateSchema, UserUpdateSchema } from "@/lib/users/schemas";
import { UserError, createUser, updateUser } from "@/lib/users/service";

async function run(values: Record<string, string>, fn: () => Promise<string>): Promise<FormState> {
  try {
    return { ok: true, data: null, message: await fn() };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values };
    console.error("[users] unexpected error", err);
    return { ok: false, message: GENERIC_ERROR, values };
  }
}

export async function createUserAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("user:manage", "/admin/brugere");
  const values = formDataToObject(fd);
  const parsed = UserCreateSchema.safeParse(values);
  // Never send a password back to the browser.
  const safe = { ...values, password: "" };
  if (!parsed.success) return { ok: false, message: "Ret de markerede felter.", fieldErrors: fieldErrors(parsed.error), values: safe };
  let id = "";
  const r = await run(safe, async () => {
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
  if (!parsed.success) return { ok: false, message: "Ret de markerede felter.", fieldErrors: fieldErrors(parsed.error), values: safe };
  const r = await run(safe, async () => {
    await updateUser(userId, parsed.data, cohortIds, user.id);
    return "Brugeren er gemt.";
  });
  revalidatePath(`/admin/brugere/${userId}`);
  return r;
}
