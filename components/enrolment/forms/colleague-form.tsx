"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ColleagueSchema } from "@/lib/enrolment/schemas";

export const ColleagueForm = formWithSchema(ColleagueSchema, "colleague");
