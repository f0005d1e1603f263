import type { Metadata } from "next";
import { CancelEnrolmentForm } from "@/components/admin/forms/cancel-enrolment-form";
import { CohortStatusForm } from "@/components/admin/forms/cohort-status-form";
import { CohortUpdateForm } from "@/components/admin/forms/cohort-update-form";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHead } from "@/components/admin/page-head";
import { SessionList } from "@/components/programme/session-list";
import { ActionForm } from "@/components/ui/action-form";
import { SearchForm } from "@/components/ui/search-form";
import { can } from "@/lib/auth/permissions";
import { adminDetail } from "@/lib/auth/admin-page";
import { COHORT_STATUS_LABELS } from "@/lib/cohorts/schemas";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolment/schemas";
import { cohortOverview } from "@/lib/cohorts/queries";
import { LISTS, listsFor } from "@/lib/exports/lists";
import { ownValue } from "@/lib/own-key";
import { formatClockIso, formatDate, formatDateTime, localDateIso } from "@/lib/time";
import { cohortStatusFields, cohortUpdateFields } from "@/components/admin/cohort-fields";
import { SessionForm } from "@/components/admin/session-form";
import { cancelEnrolmentAction, confirmOfferAction, rejectCancellationAction, setCohortStatusAction, updateCohortAction, updateSessionAction } from "../actions";

export const metadata: Metadata = { title: "Hold" };


type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; status?: string; side?: string; oprettet?: string; besked?: string }> };

// Outcomes of the row actions, shown after they redirect back here (a fixed list: no text from the URL).
const NOTICES: Record<string, string> = {
  annulleret: "Tilmeldingen er annulleret.",
  "annulleret-tilbudt": "Tilmeldingen er annulleret. Pladsen er tilbudt den første på ventelisten.",
  afvist: "Anmodningen om afmelding er afvist, og deltageren har fået besked.",
  bekraeftet: "Pladsen er bekræftet, og deltageren har fået en bekræftelse på mail.",
};

export default async function CohortPage({ params, searchParams }: Props) {
  const sp = await searchParams;
  const { id, user, data: overview } = await adminDetail(params, "/admin/hold/[id]", (user, { id }) => cohortOverview(user, id, sp));
  const { cohort, sessions, venues, ranks, query: q, status, page, pages } = overview;
  const { total, rows: enrolments, showsInvoice } = overview.roster;
  const notice = ownValue(NOTICES, sp.besked);
  const mayUpdate = can(user.role, "enrolment:update");
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), side: String(p) })}`;

  return (
    <main className="wrap">
      <PageHead
        back={{ href: "/admin/hold", label: "Alle hold" }}
        notices={[notice, sp.oprettet && "Holdet er oprettet som kladde. Offentliggør det, når det er klar."]}
        title={
          <>
            {cohort.name} <span className="badge">{COHORT_STATUS_LABELS[cohort.status]}</span>
          </>
        }
        lead={cohort.programme.title}
      />
      <ul className="stats" aria-label="Pladser">
        <li>
          <strong data-testid="seats-taken">{cohort.taken}</strong> optaget
        </li>
        <li>
          <strong data-testid="seats-free">{cohort.free}</strong> ledige
        </li>
        <li>
          <strong data-testid="seats-waitlist">{cohort.waitlist}</strong> på venteliste
        </li>
        <li>
          <strong>{cohort.capacity}</strong> pladser i alt
        </li>
      </ul>
      <p>
        Tilmelding: {formatDate(cohort.enrolmentOpensAt)} – {formatDate(cohort.enrolmentClosesAt)}.{" "}
        {cohort.status === "PUBLISHED" && <Link href={`/uddannelser/${cohort.programme.slug}`}>Se den offentlige side</Link>}
      </p>

      <nav aria-label="Holdets lister">
        <ul className="day-nav">
          <li>
            <Link href={`/admin/hold/${id}/fremmoede`}>Fremmøde</Link>
          </li>
          <li>
            <Link href={`/admin/hold/${id}/stillads`}>Implementeringsstilladser</Link>
          </li>
          {can(user.role, "evaluation:read") && (
            <li>
              <Link href={`/admin/hold/${id}/evalueringer`}>Evalueringer</Link>
            </li>
          )}
          {can(user.role, "invoice:read") && (
            <li>
              <Link href={`/admin/hold/${id}/fakturering`}>Fakturaer</Link>
            </li>
          )}
          {can(user.role, "cohort:update") && (
            <li>
              <Link href={`/admin/hold/${id}/besked`}>Skriv til holdet</Link>
            </li>
          )}
          {can(user.role, "export:read") &&
            listsFor(user.role).flatMap((l) =>
              (["csv", "xlsx"] as const).map((f) => (
                <li key={`${l}-${f}`}>
                  <a href={`/admin/hold/${id}/eksport?liste=${l}&format=${f}`} download>
                    {LISTS[l]} ({f.toUpperCase()})
                  </a>
                </li>
              )),
            )}
        </ul>
      </nav>

      {can(user.role, "cohort:update") && (
        <section aria-labelledby="status-h">
          <h2 id="status-h">Status</h2>
          <CohortStatusForm
            action={setCohortStatusAction.bind(null, id)}
            fields={cohortStatusFields(cohort.status)}
            submitLabel="Gem status"
            pendingLabel="Gemmer…"
          />
        </section>
      )}

      {can(user.role, "cohort:update") && (
        <CohortUpdateForm
          action={updateCohortAction.bind(null, id)}
          details="Ret navn, pladser, tilmeldingsperiode og pris"
          fields={cohortUpdateFields(cohort)}
          submitLabel="Gem holdet"
          pendingLabel="Gemmer…"
        />
      )}

      <section aria-labelledby="dage">
        <h2 id="dage">Moduler og dage</h2>
        <SessionList sessions={sessions} />
        {can(user.role, "cohort:update") &&
          sessions.map((s) => (
              <SessionForm
                key={s.id}
                summary={`Ret modul ${s.module.position}: sted og dage`}
                action={updateSessionAction.bind(null, id, s.id)}
                prefix={`session-${s.id}`}
                venues={venues.map((v) => ({ id: v.id, name: `${v.name}, ${v.street}, ${v.postalCode} ${v.city}`, rooms: v.rooms }))}
                initial={{
                  venueId: s.venueId ?? "",
                  roomId: s.roomId ?? "",
                  days: s.days.map((d) => ({ id: d.id, date: localDateIso(d.startsAt), start: formatClockIso(d.startsAt), end: formatClockIso(d.endsAt) })),
                }}
              />
          ))}
      </section>

      <section aria-labelledby="tilmeldinger">
        <h2 id="tilmeldinger">Tilmeldinger</h2>
        <SearchForm label="Søg navn, e-mail eller arbejdsplads" query={q} status={status} statuses={ENROLMENT_STATUS_LABELS} />
        <DataTable
          caption={`${total} tilmeldinger`}
          empty={q || status ? "Ingen tilmeldinger matcher." : "Ingen har tilmeldt sig endnu."}
          rows={enrolments}
          rowTestId={(e) => `enrolment-${e.person.email}`}
          pager={{ page, pages, href: link }}
          columns={[
            {
              header: "Deltager",
              cell: (e) => (
                <>
                  <Link href={`/admin/tilmeldinger/${e.id}`}>{e.person.name}</Link>
                  <br />
                  <span className="muted">{e.person.email}</span>
                </>
              ),
            },
            { header: "Arbejdsplads", cell: (e) => e.organisation?.name ?? "–" },
            {
              header: "Status",
              cell: (e) => (
                <>
                  {ENROLMENT_STATUS_LABELS[e.status]}
                  {e.status === "WAITLISTED" && e.waitlistPosition ? ` (nr. ${ranks.get(e.waitlistPosition) ?? "?"})` : ""}
                  {e.status === "PENDING" && e.offerExpiresAt ? ` til ${formatDateTime(e.offerExpiresAt)}` : ""}
                  {e.cancellationRequestedAt && (
                    <>
                      <br />
                      <strong>Beder om afmelding:</strong> “{e.cancellationRequestReason}”
                    </>
                  )}
                </>
              ),
            },
            {
              header: "Hensyn",
              cell: (e) =>
                e.dietaryNeeds || e.accessibilityNeeds ? (
                  <>
                    {e.dietaryNeeds && <>Kost: {e.dietaryNeeds}</>}
                    {e.dietaryNeeds && e.accessibilityNeeds && <br />}
                    {e.accessibilityNeeds && <>Tilgængelighed: {e.accessibilityNeeds}</>}
                  </>
                ) : (
                  "–"
                ),
            },
            ...(showsInvoice
              ? [
                  {
                    header: "Faktura",
                    cell: (e: (typeof enrolments)[number]) =>
                      e.invoice && (
                        <>
                          {e.invoice.ean ? `EAN ${e.invoice.ean}` : e.invoice.cvr ? `CVR ${e.invoice.cvr}` : "–"}
                          {e.invoice.reference ? <><br />Ref. {e.invoice.reference}</> : null}
                        </>
                      ),
                  },
                ]
              : []),
            {
              header: "Handlinger",
              cell: (e) => (
                <>
                  {mayUpdate && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(e.status) && (
                    <CancelEnrolmentForm
                      action={cancelEnrolmentAction.bind(null, id, e.id)}
                      idPrefix={`cancel-${e.id}`}
                      details="Annullér tilmeldingen"
                      fields={[{ name: "reason", label: "Begrundelse", type: "textarea", required: true, maxLength: 1000 }]}
                      submitLabel="Annullér"
                      pendingLabel="Annullerer…"
                      confirm={`Annullér ${e.person.name}s tilmelding? En ledig plads tilbydes den første på ventelisten.`}
                    />
                  )}
                  {mayUpdate && e.status === "PENDING" && (
                    <ActionForm action={confirmOfferAction.bind(null, id, e.id)} idPrefix={`confirm-${e.id}`} fields={[]} submitLabel="Bekræft pladsen" pendingLabel="Bekræfter…" />
                  )}
                  {mayUpdate && e.cancellationRequestedAt && (
                    <ActionForm action={rejectCancellationAction.bind(null, id, e.id)} idPrefix={`reject-${e.id}`} fields={[]} submitLabel="Afvis anmodningen" pendingLabel="Afviser…" />
                  )}
                </>
              ),
            },
          ]}
        />
      </section>
    </main>
  );
}
