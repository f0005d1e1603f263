"use server";

import type { FormState } from "@/lib/http/result";
import { adminAction, adminForm } from "@/lib/http/form-action";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { addRoom, createVenue, removeRoom, updateRoom, updateVenue } from "@/lib/venues/service";

const venue = (venueId: string) => ({ permission: "venue:update", page: `/admin/steder/${venueId}` }) as const;

export async function createVenueAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "venue:update", page: "/admin/steder", schema: VenueSchema }, async (data, user) => ({
    redirect: `/admin/steder/${(await createVenue(data, user.id)).id}`,
  }));
}

export async function updateVenueAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...venue(venueId), schema: VenueSchema, message: "Stedet er gemt." }, (data, user) => updateVenue(venueId, data, user.id));
}

export async function addRoomAction(venueId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...venue(venueId), schema: RoomSchema, message: "Lokalet er tilføjet." }, (data, user) => addRoom(venueId, data, user.id));
}

export async function updateRoomAction(venueId: string, roomId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { ...venue(venueId), schema: RoomSchema, message: "Lokalet er gemt." }, (data, user) => updateRoom(roomId, data, user.id));
}

export async function removeRoomAction(venueId: string, roomId: string): Promise<FormState> {
  return adminAction(venue(venueId), async (user) => {
    await removeRoom(roomId, user.id);
    // The room's own form goes with it, so the confirmation is shown by the page.
    return { redirect: `/admin/steder/${venueId}?besked=lokale-fjernet` };
  });
}
