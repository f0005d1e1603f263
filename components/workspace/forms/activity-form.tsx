"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ActivitySchema } from "@/lib/workspace/schemas";

export const ActivityForm = formWithSchema(ActivitySchema, "workspaceActivity");
