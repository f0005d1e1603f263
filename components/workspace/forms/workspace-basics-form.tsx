"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { WorkspaceBasicsSchema } from "@/lib/workspace/schemas";

export const WorkspaceBasicsForm = formWithSchema(WorkspaceBasicsSchema, "workspaceBasics");
