"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ShareSchema } from "@/lib/workspace/schemas";

export const WorkspaceShareForm = formWithSchema(ShareSchema, "workspaceShare");
