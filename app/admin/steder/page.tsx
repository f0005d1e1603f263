import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import { VenueForm } from "@/components/admin/forms/venue-form";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { VENUE_FIELDS } from "@/components/admin/venue-fields";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { venueList } from "@/lib/venues/queries";
import { createVenueAction } from "./actions";

export const metadata: Metadata = { title: "Steder" };

export default async function VenuesPage() {
  const user = await requireAdminPage("/admin/steder");
  const venues = await venueList(user);
  return (
    <main className="wrap">
      <PageHead title="Steder" />
      <DataTable
        caption="Steder"
        captionHidden
        empty="Der er ingen steder endnu."
        rows={venues}
        columns={[
          { header: "Sted", cell: (v) => <Link href={`/admin/steder/${v.id}`}>{v.name}</Link> },
          { header: "Adresse", cell: (v) => `${v.street}, ${v.postalCode} ${v.city}` },
          { header: "Lokaler", cell: (v) => (v.rooms.length ? v.rooms.map((r) => `${r.name} (${r.capacity})`).join(", ") : "–") },
          { header: "Moduler holdt her", cell: (v) => v._count.sessions },
        ]}
      />
      <section aria-labelledby="nyt-sted" className="narrow">
        <h2 id="nyt-sted">Opret sted</h2>
        <VenueForm action={createVenueAction} fields={VENUE_FIELDS} submitLabel="Opret sted" pendingLabel="Opretter…" />
      </section>
    </main>
  );
}
