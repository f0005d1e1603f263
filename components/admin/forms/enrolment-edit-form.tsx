"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { AdminEnrolmentEditSchema } from "@/lib/enrolment/schemas";

export const EnrolmentEditForm = formWithSchema(AdminEnrolmentEditSchema, "enrolmentEdit");
