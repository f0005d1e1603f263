"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { SellerConfigSchema } from "@/lib/invoicing/schemas";

export const SellerConfigForm = formWithSchema(SellerConfigSchema, "sellerConfig");
