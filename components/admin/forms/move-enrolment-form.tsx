"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { MoveEnrolmentSchema } from "@/lib/enrolment/schemas";

export const MoveEnrolmentForm = formWithSchema(MoveEnrolmentSchema, "moveEnrolment");
