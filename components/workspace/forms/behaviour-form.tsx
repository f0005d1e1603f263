"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { BehaviourSchema } from "@/lib/workspace/schemas";

export const BehaviourForm = formWithSchema(BehaviourSchema, "workspaceBehaviour");
