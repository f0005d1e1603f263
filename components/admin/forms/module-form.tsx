"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ModuleSchema } from "@/lib/programmes/schemas";

export const ModuleForm = formWithSchema(ModuleSchema, "module");
