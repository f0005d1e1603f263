"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { QuestionSchema } from "@/lib/evaluations/schemas";

export const EvaluationQuestionForm = formWithSchema(QuestionSchema, "evaluationQuestion");
