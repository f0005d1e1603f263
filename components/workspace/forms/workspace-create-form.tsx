"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { WorkspaceCreateSchema } from "@/lib/workspace/schemas";

export const WorkspaceCreateForm = formWithSchema(WorkspaceCreateSchema, "workspaceCreate");
