"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { runForm } from "@/lib/http/run-action";
import { UserCreateSchema, UserUpdateSchema } from "@/lib/users/schemas";
import { createUser, updateUser } from "@/lib/users/service";

// Never send a password back to the browser.
const SECRET = ["password"] as const;

export async function createUserAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("user:manage", "/admin/brugere");
  let id = "";
  const r = await runForm(fd, UserCreateSchema, async (data) => {
    id = (await createUser(data, user.id)).id;
    return "";
  }, { secret: SECRET });
  if (!r?.ok) return r;
  redirect(`/admin/brugere/${id}`);
}

export async function updateUserAction(userId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("user:manage", `/admin/brugere/${userId}`);
  const cohortIds = fd instanceof FormData ? fd.getAll("cohorts").filter((v): v is string => typeof v === "string").slice(0, 500) : [];
  const r = await runForm(fd, UserUpdateSchema, async (data) => {
    await updateUser(userId, data, cohortIds, user.id);
    return "Brugeren er gemt.";
  }, { secret: SECRET });
  revalidatePath(`/admin/brugere/${userId}`);
  return r;
}
