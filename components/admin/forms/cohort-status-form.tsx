"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { CohortStatusSchema } from "@/lib/cohorts/schemas";

export const CohortStatusForm = formWithSchema(CohortStatusSchema, "cohortStatus");
