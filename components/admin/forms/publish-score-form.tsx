"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { PublishScoreSchema } from "@/lib/evaluations/schemas";

export const PublishScoreForm = formWithSchema(PublishScoreSchema, "publishScore");
