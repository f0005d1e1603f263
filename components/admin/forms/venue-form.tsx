"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { VenueSchema } from "@/lib/venues/schemas";

export const VenueForm = formWithSchema(VenueSchema, "venue");
