"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { EffectSchema } from "@/lib/workspace/schemas";

export const EffectForm = formWithSchema(EffectSchema, "workspaceEffect");
