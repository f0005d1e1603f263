"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { CohortMessageSchema } from "@/lib/cohort-messages/schemas";

export const CohortMessageForm = formWithSchema(CohortMessageSchema, "cohortMessage");
