import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { ownValue } from "@/lib/own-key";
import { venueDetail } from "@/lib/venues/queries";
import { addRoomAction, removeRoomAction, updateRoomAction, updateVenueAction } from "../actions";
import { ROOM_FIELDS, roomFields, VENUE_FIELDS } from "@/components/admin/venue-fields";

export const metadata: Metadata = { title: "Sted" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ besked?: string }> };

// Outcomes shown after an action redirects back here (a fixed list: no text from the URL).
const NOTICES = { "lokale-fjernet": "Lokalet er fjernet." };

export default async function VenuePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/steder/[id]"], `/admin/steder/${id}`);
  const venue = await venueDetail(user, id);
  if (!venue) notFound();
  const notice = ownValue(NOTICES, (await searchParams).besked);
  return (
    <main className="wrap narrow">
      <p style={{ marginTop: "1rem" }}>
        <Link href="/admin/steder">← Alle steder</Link>
      </p>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <h1>{venue.name}</h1>
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
                <ActionForm
                  action={updateRoomAction.bind(null, id, r.id)}
                  schema="room"
                  idPrefix={`room-${r.id}`}
                  fields={roomFields(r)}
                  submitLabel="Gem lokalet"
                  pendingLabel="Gemmer…"
                  details={`Ret ${r.name}`}
                />
                <ActionForm
                  action={removeRoomAction.bind(null, id, r.id)}
                  schema="none"
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
        <ActionForm
          action={addRoomAction.bind(null, id)}
          schema="room"
          fields={ROOM_FIELDS}
          submitLabel="Tilføj lokale"
          pendingLabel="Tilføjer…"
          resetOnSuccess
        />
      </section>
      <section aria-labelledby="ret">
        <h2 id="ret">Ret stedet</h2>
        <ActionForm
          action={updateVenueAction.bind(null, id)}
          schema="venue"
          fields={VENUE_FIELDS.map((f) => ({ ...f, defaultValue: String(venue[f.name as keyof typeof venue] ?? "") }))}
          submitLabel="Gem stedet"
          pendingLabel="Gemmer…"
        />
      </section>
    </main>
  );
}
