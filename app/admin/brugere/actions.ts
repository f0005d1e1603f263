"use server";

import type { FormState } from "@/lib/http/result";
import { adminForm } from "@/lib/http/form-action";
import { UserCreateSchema, UserUpdateSchema } from "@/lib/users/schemas";
import { createUser, updateUser } from "@/lib/users/service";

// Never send a password back to the browser.
const SECRET = ["password"] as const;

export async function createUserAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "user:manage", page: "/admin/brugere", schema: UserCreateSchema, secret: SECRET }, async (data, user) => ({
    redirect: `/admin/brugere/${(await createUser(data, user.id)).id}`,
  }));
}

export async function updateUserAction(userId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "user:manage", page: `/admin/brugere/${userId}`, schema: UserUpdateSchema, secret: SECRET }, async (data, user) => {
    const cohortIds = fd instanceof FormData ? fd.getAll("cohorts").filter((v): v is string => typeof v === "string").slice(0, 500) : [];
    await updateUser(userId, data, cohortIds, user.id);
    return "Brugeren er gemt.";
  });
}
