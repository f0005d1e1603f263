"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { UserCreateSchema } from "@/lib/users/schemas";

export const UserCreateForm = formWithSchema(UserCreateSchema, "userCreate");
