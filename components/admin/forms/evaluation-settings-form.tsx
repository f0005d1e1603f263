"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { FormSettingsSchema } from "@/lib/evaluations/schemas";

export const EvaluationSettingsForm = formWithSchema(FormSettingsSchema, "evaluationSettings");
