import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission, cohortScope } from "@/lib/auth/session";
import { listCohortsWithSeats } from "@/lib/cohorts/service";
import { db } from "@/lib/db";
import { formatDay, formatTimeRange } from "@/lib/time";

export const metadata: Metadata = { title: "Oversigt" };

export default async function DashboardPage() {
  const user = await requirePermission(ADMIN_PAGES["/admin"], "/admin");
  const scope = await cohortScope(user);
  const now = new Date();
  const [upcoming, cohorts, requests, failedMail] = await Promise.all([
    db.sessionDay.findMany({
      where: { startsAt: { gte: now }, session: { cohort: { ...scope, status: { in: ["PUBLISHED", "CLOSED"] } } } },
      include: { session: { include: { cohort: true, module: true, venue: true } } },
      orderBy: { startsAt: "asc" },
      take: 8,
    }),
    listCohortsWithSeats({ ...scope, status: "PUBLISHED" }),
    user.role === "TEACHER"
      ? Promise.resolve([])
      : db.enrolment.findMany({
          where: { cancellationRequestedAt: { not: null }, status: { in: ["CONFIRMED", "PENDING", "WAITLISTED"] } },
          include: { person: true, cohort: true },
          orderBy: { cancellationRequestedAt: "asc" },
          take: 20,
        }),
    user.role === "TEACHER" ? Promise.resolve(0) : db.outboxMessage.count({ where: { status: "FAILED" } }),
  ]);
  const filling = cohorts.filter((c) => c.taken / c.capacity >= 0.8).sort((a, b) => b.taken / b.capacity - a.taken / a.capacity);

  return (
    <main className="wrap">
      <h1 style={{ marginTop: "1.5rem" }}>Oversigt</h1>

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

      {user.role !== "TEACHER" && (
        <>
          <section aria-labelledby="afmeldinger">
            <h2 id="afmeldinger">Anmodninger om afmelding</h2>
            {requests.length === 0 ? (
              <p>Ingen åbne anmodninger.</p>
            ) : (
              <ul>
                {requests.map((e) => (
                  <li key={e.id}>
                    {e.person.name} på <Link href={`/admin/hold/${e.cohortId}`}>{e.cohort.name}</Link>: “{e.cancellationRequestReason}”
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="mail">
            <h2 id="mail">Mails der ikke kunne sendes</h2>
            <p>{failedMail === 0 ? "Ingen fejlede mails." : `${failedMail} mail(s) er opgivet efter gentagne forsøg.`}</p>
          </section>
        </>
      )}
    </main>
  );
}
