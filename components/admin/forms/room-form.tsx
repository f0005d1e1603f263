"use client";
import { formWithSchema } from "@/components/ui/action-form";
import { RoomSchema } from "@/lib/venues/schemas";

export const RoomForm = formWithSchema(RoomSchema, "room");
