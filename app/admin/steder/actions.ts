"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { GENERIC_ERROR } from "@/lib/http/result";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { VenueError, addRoom, createVenue, updateVenue } from "@/lib/venues/service";

async function run(values: Record<string, string>, fn: () => Promise<string>): Promise<FormState> {
  try {
    return { ok: true, data: null, message: await fn() };
  } catch (err) {
    if (err instanceof VenueError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values };
    console.error("[venues] unexpected error", err);
    return { ok: false, message: GENERIC_ERROR, values };
  }
}

export async function createVenueAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", "/admin/steder");
  const values = formDataToObject(fd);
  const parsed = VenueSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Ret de markerede felter.", fieldErrors: fieldErrors(parsed.error), values };
  let id = "";
  const r = await run(values, async () => {
    id = (await createVenue(parsed.data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  revalidatePath("/admin/steder");
  redirect(`/admin/steder/${id}`);
}

export async function updateVenueAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const values = formDataToObject(fd);
  const parsed = VenueSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Ret de markerede felter.", fieldErrors: fieldErrors(parsed.error), values };
  const r = await run(values, async () => {
    await updateVenue(venueId, parsed.data, user.id);
    return "Stedet er gemt.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}

export async function addRoomAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const values = formDataToObject(fd);
  const parsed = RoomSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Ret de markerede felter.", fieldErrors: fieldErrors(parsed.error), values };
  const r = await run(values, async () => {
    await addRoom(venueId, parsed.data, user.id);
    return "Lokalet er tilføjet.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}
