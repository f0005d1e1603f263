"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { CohortUpdateSchema } from "@/lib/cohorts/schemas";

export const CohortUpdateForm = formWithSchema(CohortUpdateSchema, "cohortUpdate");
