"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { NeedsSchema } from "@/lib/enrolment/schemas";

export const NeedsForm = formWithSchema(NeedsSchema, "needs");
