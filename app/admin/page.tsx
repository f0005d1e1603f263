import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { dashboardOverview } from "@/lib/dashboard/queries";
import { formatDay, formatTimeRange } from "@/lib/time";

export const metadata: Metadata = { title: "Oversigt" };

export default async function DashboardPage() {
  const user = await requireAdminPage("/admin");
  const { upcoming, filling, staff } = await dashboardOverview(user);

  return (
    <main className="wrap">
      <PageHead title="Oversigt" />

      <section aria-labelledby="kommende">
        <h2 id="kommende">Kommende kursusdage</h2>
        {upcoming.length === 0 ? (
          <p>Ingen kommende kursusdage.</p>
        ) : (
          <ul>
            {upcoming.map((d) => (
              <li key={d.id}>
                {formatDay(d.startsAt)}, {formatTimeRange(d.startsAt, d.endsAt)}:{" "}
                <Link href={`/admin/hold/${d.session.cohortId}`}>{d.session.cohort.name}</Link>, modul {d.session.module.position}
                {d.session.venue ? ` – ${d.session.venue.name}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fyldes">
        <h2 id="fyldes">Hold der er ved at blive fulde</h2>
        {filling.length === 0 ? (
          <p>Ingen offentliggjorte hold er over 80 % fyldt.</p>
        ) : (
          <ul>
            {filling.map((c) => (
              <li key={c.id}>
                <Link href={`/admin/hold/${c.id}`}>{c.name}</Link>: {c.taken} af {c.capacity} pladser
                {c.waitlist ? `, ${c.waitlist} på venteliste` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      {staff && (
        <>
          <section aria-labelledby="afmeldinger">
            <h2 id="afmeldinger">Anmodninger om afmelding</h2>
            {staff.requests.length === 0 ? (
              <p>Ingen åbne anmodninger.</p>
            ) : (
              <ul>
                {staff.requests.map((e) => (
                  <li key={e.id}>
                    {e.person.name} på <Link href={`/admin/hold/${e.cohortId}`}>{e.cohort.name}</Link>: “{e.cancellationRequestReason}”
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="mail">
            <h2 id="mail">Mails der ikke kunne sendes</h2>
            <p>{staff.failedMail === 0 ? "Ingen fejlede mails." : `${staff.failedMail} mail(s) er opgivet efter gentagne forsøg.`}</p>
          </section>
        </>
      )}
    </main>
  );
}
