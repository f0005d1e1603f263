import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { VENUE_FIELDS } from "@/components/admin/venue-fields";
import { createVenueAction } from "./actions";

export const metadata: Metadata = { title: "Steder" };


export default async function VenuesPage() {
  await requirePermission(ADMIN_PAGES["/admin/steder"], "/admin/steder");
  const venues = await db.venue.findMany({ include: { rooms: true, _count: { select: { sessions: true } } }, orderBy: { name: "asc" } });
  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Steder</h1>
      {venues.length === 0 ? (
        <p>Der er ingen steder endnu.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Sted</th>
                <th scope="col">Adresse</th>
                <th scope="col">Lokaler</th>
                <th scope="col">Moduler holdt her</th>
              </tr>
            </thead>
            <tbody>
              {venues.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`/admin/steder/${v.id}`}>{v.name}</Link>
                  </td>
                  <td>
                    {v.street}, {v.postalCode} {v.city}
                  </td>
                  <td>{v.rooms.length ? v.rooms.map((r) => `${r.name} (${r.capacity})`).join(", ") : "–"}</td>
                  <td>{v._count.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="nyt-sted" className="narrow">
        <h2 id="nyt-sted">Opret sted</h2>
        <ActionForm action={createVenueAction} schema="venue" fields={VENUE_FIELDS} submitLabel="Opret sted" pendingLabel="Opretter…" />
      </section>
    </main>
  );
}
