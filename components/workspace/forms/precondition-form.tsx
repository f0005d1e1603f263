"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { PreconditionSchema } from "@/lib/workspace/schemas";

export const PreconditionForm = formWithSchema(PreconditionSchema, "workspacePrecondition");
