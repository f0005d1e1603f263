"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ProgrammeSchema } from "@/lib/programmes/schemas";

export const ProgrammeForm = formWithSchema(ProgrammeSchema, "programme");
