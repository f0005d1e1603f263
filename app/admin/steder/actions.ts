"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { addRoom, createVenue, updateVenue } from "@/lib/venues/service";


export async function createVenueAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", "/admin/steder");
  const values = formDataToObject(fd);
  const parsed = VenueSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let id = "";
  const r = await runAction(values, async () => {
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
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
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
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await addRoom(venueId, parsed.data, user.id);
    return "Lokalet er tilføjet.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}
