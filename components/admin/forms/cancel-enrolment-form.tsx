"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { CancelEnrolmentSchema } from "@/lib/cohorts/schemas";

export const CancelEnrolmentForm = formWithSchema(CancelEnrolmentSchema, "cancelEnrolment");
