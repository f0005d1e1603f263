import type { Metadata } from "next";
import { RoomForm } from "@/components/admin/forms/room-form";
import { VenueForm } from "@/components/admin/forms/venue-form";
import { PageHead } from "@/components/admin/page-head";
import { ActionForm } from "@/components/ui/action-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { ownValue } from "@/lib/own-key";
import { venueDetail } from "@/lib/venues/queries";
import { addRoomAction, removeRoomAction, updateRoomAction, updateVenueAction } from "../actions";
import { ROOM_FIELDS, roomFields, VENUE_FIELDS } from "@/components/admin/venue-fields";

export const metadata: Metadata = { title: "Sted" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ besked?: string }> };

// Outcomes shown after an action redirects back here (a fixed list: no text from the URL).
const NOTICES = { "lokale-fjernet": "Lokalet er fjernet." };

export default async function VenuePage({ params, searchParams }: Props) {
  const { id, data: venue } = await adminDetail(params, "/admin/steder/[id]", (user, { id }) => venueDetail(user, id));
  const notice = ownValue(NOTICES, (await searchParams).besked);
  return (
    <main className="wrap narrow">
      <PageHead back={{ href: "/admin/steder", label: "Alle steder" }} notices={[notice]} title={venue.name} />
      <section aria-labelledby="lokaler">
        <h2 id="lokaler">Lokaler</h2>
        {venue.rooms.length === 0 ? (
          <p>Ingen lokaler endnu.</p>
        ) : (
          <ul>
            {venue.rooms.map((r) => (
              <li key={r.id}>
                <p>
                  {r.name}: {r.capacity} pladser{r.accessibilityNotes ? ` – ${r.accessibilityNotes}` : ""}
                </p>
                <RoomForm
                  action={updateRoomAction.bind(null, id, r.id)}
                  idPrefix={`room-${r.id}`}
                  fields={roomFields(r)}
                  submitLabel="Gem lokalet"
                  pendingLabel="Gemmer…"
                  details={`Ret ${r.name}`}
                />
                <ActionForm
                  action={removeRoomAction.bind(null, id, r.id)}
                  idPrefix={`remove-room-${r.id}`}
                  fields={[]}
                  submitLabel={`Fjern ${r.name}`}
                  pendingLabel="Fjerner…"
                  confirm={`Fjern lokalet ${r.name}?`}
                />
              </li>
            ))}
          </ul>
        )}
        <h3>Tilføj lokale</h3>
        <RoomForm
          action={addRoomAction.bind(null, id)}
          fields={ROOM_FIELDS}
          submitLabel="Tilføj lokale"
          pendingLabel="Tilføjer…"
          resetOnSuccess
        />
      </section>
      <section aria-labelledby="ret">
        <h2 id="ret">Ret stedet</h2>
        <VenueForm
          action={updateVenueAction.bind(null, id)}
          fields={VENUE_FIELDS.map((f) => ({ ...f, defaultValue: String(venue[f.name as keyof typeof venue] ?? "") }))}
          submitLabel="Gem stedet"
          pendingLabel="Gemmer…"
        />
      </section>
    </main>
  );
}
