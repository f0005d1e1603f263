"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { CancellationRequestSchema } from "@/lib/enrolment/schemas";

export const CancellationRequestForm = formWithSchema(CancellationRequestSchema, "cancellation");
