"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { ResendLinkSchema } from "@/lib/enrolment/schemas";

export const ResendLinkForm = formWithSchema(ResendLinkSchema, "resendLink");
