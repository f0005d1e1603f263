"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { PersonDetailsSchema } from "@/lib/enrolment/schemas";

export const PersonDetailsForm = formWithSchema(PersonDetailsSchema, "personDetails");
