"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { runAction, runForm } from "@/lib/http/run-action";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { addRoom, createVenue, removeRoom, updateRoom, updateVenue } from "@/lib/venues/service";

export async function createVenueAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", "/admin/steder");
  let id = "";
  const r = await runForm(fd, VenueSchema, async (data) => {
    id = (await createVenue(data, user.id)).id;
    return "";
  });
  if (!r?.ok) return r;
  revalidatePath("/admin/steder");
  redirect(`/admin/steder/${id}`);
}

export async function updateVenueAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const r = await runForm(fd, VenueSchema, async (data) => {
    await updateVenue(venueId, data, user.id);
    return "Stedet er gemt.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}

export async function addRoomAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const r = await runForm(fd, RoomSchema, async (data) => {
    await addRoom(venueId, data, user.id);
    return "Lokalet er tilføjet.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}

export async function updateRoomAction(venueId: string, roomId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const r = await runForm(fd, RoomSchema, async (data) => {
    await updateRoom(roomId, data, user.id);
    return "Lokalet er gemt.";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  return r;
}

export async function removeRoomAction(venueId: string, roomId: string): Promise<FormState> {
  const user = await requirePermission("venue:update", `/admin/steder/${venueId}`);
  const r = await runAction({}, async () => {
    await removeRoom(roomId, user.id);
    return "";
  });
  revalidatePath(`/admin/steder/${venueId}`);
  if (!r?.ok) return r;
  // The room's own form goes with it, so the confirmation is shown by the page.
  redirect(`/admin/steder/${venueId}?besked=lokale-fjernet`);
}
