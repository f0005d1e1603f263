import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHead } from "@/components/admin/page-head";
import { ActionForm } from "@/components/ui/action-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { can } from "@/lib/auth/permissions";
import { INVOICE_GROUPING_LABELS, INVOICE_KIND_LABELS, INVOICE_STATUS_LABELS } from "@/lib/invoicing/schemas";
import { cohortInvoicing } from "@/lib/invoicing/queries";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/time";
import { issueInvoicesAction, markPaidAction } from "./actions";

export const metadata: Metadata = { title: "Fakturering" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ udstedt?: string; venter?: string }> };

/** What issuing did, from the redirect's counts (numbers only: no text from the URL is shown). */
function issuedNotice(sp: { udstedt?: string; venter?: string }): string | null {
  if (sp.udstedt === undefined) return null;
  const issued = Math.max(0, Math.min(10_000, Number.parseInt(sp.udstedt, 10) || 0));
  const waiting = Math.max(0, Math.min(10_000, Number.parseInt(sp.venter ?? "0", 10) || 0));
  const first = issued === 0 ? "Der var ingen nye fakturaer at udstede." : `${issued} ${issued === 1 ? "faktura er" : "fakturaer er"} udstedt.`;
  return waiting ? `${first} ${waiting} venter på rettede oplysninger.` : first;
}

export default async function CohortInvoicingPage({ params, searchParams }: Props) {
  const { id, user, data } = await adminDetail(params, "/admin/hold/[id]/fakturering", (_, { id }) => cohortInvoicing(id));
  const { cohort, preview, invoices } = data;
  const notice = issuedNotice(await searchParams);
  const mayIssue = can(user.role, "invoice:issue");
  const sum = (k: "netOre" | "vatOre" | "grossOre") => preview.groups.reduce((s, g) => s + g.totals[k], 0);

  return (
    <main className="wrap">
      <PageHead
        back={{ href: `/admin/hold/${id}`, label: cohort.name }}
        notices={[notice]}
        title={`Fakturering: ${cohort.name}`}
        lead={
          <>
            {cohort.programme.title}.{" "}
            {cohort.hostOrganisation ? `Internt hold: én faktura til ${cohort.hostOrganisation.name}.` : `${INVOICE_GROUPING_LABELS[cohort.programme.invoiceGrouping]}.`}
          </>
        }
      />

      <section aria-labelledby="preview-h">
        <h2 id="preview-h">Klar til fakturering</h2>
        {preview.problems.map((p) => (
          <p key={p} className="notice-info" data-testid="seller-problem">
            {p} {can(user.role, "invoice:configure") && <Link href="/admin/fakturering">Udfyld sælgeroplysningerne</Link>}
          </p>
        ))}
        <DataTable
          caption={`${preview.groups.length} ${preview.groups.length === 1 ? "faktura" : "fakturaer"} i alt ${formatMoney(sum("grossOre"))} inkl. moms (${formatMoney(sum("netOre"))} + moms ${formatMoney(sum("vatOre"))})`}
          empty="Alle bekræftede og gennemførte tilmeldinger er faktureret."
          rows={preview.groups}
          rowKey={(g) => g.key}
          columns={[
            {
              header: "Køber",
              cell: (g) => (
                <>
                  {g.buyer.name}
                  {g.buyerReference && <><br /><span className="muted">Ref. {g.buyerReference}</span></>}
                  {g.problems.length > 0 && (
                    <>
                      <ul className="error" data-testid="group-problem">
                        {g.problems.map((p) => <li key={p}>{p}</li>)}
                      </ul>
                      <span className="muted">Ret oplysningerne på tilmeldingen: klik på deltagerens navn.</span>
                    </>
                  )}
                </>
              ),
            },
            {
              // Each participant leads to their enrolment, where the invoice details are corrected.
              header: "Deltagere",
              cell: (g) => g.enrolments.map((e, i) => (
                <span key={e.id}>
                  {i > 0 && ", "}
                  <Link href={`/admin/tilmeldinger/${e.id}#faktura`}>{e.personName}</Link>
                </span>
              )),
            },
            { header: "Sendes som", cell: (g) => (g.buyer.endpointGln ? `E-faktura (EAN ${g.buyer.endpointGln})` : `PDF til ${g.buyerEmail}`) },
            { header: "Ekskl. moms", cell: (g) => formatMoney(g.totals.netOre) },
            { header: "Inkl. moms", cell: (g) => formatMoney(g.totals.grossOre) },
          ]}
        />
        {preview.groups.length > 0 && preview.groups.every((g) => g.problems.length > 0) && (
          <p className="notice-info" data-testid="none-ready">Ingen af fakturaerne kan udstedes endnu: ret først de markerede oplysninger.</p>
        )}
        {mayIssue && preview.groups.some((g) => g.problems.length === 0) && preview.problems.length === 0 && (
          <ActionForm
            action={issueInvoicesAction.bind(null, id)}
            idPrefix="issue"
            fields={[]}
            submitLabel="Udsted fakturaer"
            pendingLabel="Udsteder…"
            confirm="Udsted fakturaerne nu? Et udstedt nummer kan ikke trækkes tilbage, kun krediteres."
          />
        )}
      </section>

      <section aria-labelledby="issued-h">
        <h2 id="issued-h">Udstedte fakturaer og kreditnotaer</h2>
        {invoices.length > 0 && (
          <ul className="day-nav">
            <li>
              <a href={`/admin/hold/${id}/fakturering/journal?format=csv`} download>Fakturajournal (CSV)</a>
            </li>
            <li>
              <a href={`/admin/hold/${id}/fakturering/journal?format=xlsx`} download>Fakturajournal (XLSX)</a>
            </li>
            {invoices.some((i) => i.buyerGln) && (
              <li>
                <a href={`/admin/hold/${id}/fakturering/xml`} download>Alle e-fakturaer (zip)</a>
              </li>
            )}
          </ul>
        )}
        <DataTable
          empty="Ingen endnu."
          rows={invoices}
          rowTestId={(i) => `invoice-${i.number}`}
          columns={[
            {
              header: "Nummer",
              cell: (i) => (
                <>
                  {INVOICE_KIND_LABELS[i.kind]} {i.number}
                  {i.credits && <><br /><span className="muted">krediterer {i.credits.number}</span></>}
                </>
              ),
            },
            {
              header: "Dato",
              cell: (i) => (
                <>
                  {formatDate(i.issueDate)}
                  {i.dueDate && <><br /><span className="muted">forfald {formatDate(i.dueDate)}</span></>}
                </>
              ),
            },
            {
              header: "Køber",
              cell: (i) => (
                <>
                  {i.buyerName}
                  {i.buyerGln && <><br /><span className="muted">EAN {i.buyerGln}</span></>}
                </>
              ),
            },
            { header: "Inkl. moms", cell: (i) => formatMoney(i.grossOre) },
            { header: "Status", cell: (i) => INVOICE_STATUS_LABELS[i.status] },
            {
              header: "Filer",
              cell: (i) => (
                <>
                  <a href={`/admin/fakturaer/${i.id}/pdf`} download>PDF<span className="visually-hidden"> af {i.number}</span></a>
                  {i.buyerGln && (
                    <>
                      {" · "}
                      <a href={`/admin/fakturaer/${i.id}/xml`} download>OIOUBL<span className="visually-hidden"> af {i.number}</span></a>
                    </>
                  )}
                </>
              ),
            },
            ...(mayIssue
              ? [
                  {
                    header: "Handlinger",
                    cell: (i: (typeof invoices)[number]) =>
                      i.kind === "INVOICE" &&
                      (i.status === "ISSUED" || i.status === "SENT") && (
                        <ActionForm action={markPaidAction.bind(null, id, i.id)} idPrefix={`paid-${i.id}`} fields={[]} submitLabel={`Marker ${i.number} betalt`} pendingLabel="Gemmer…" />
                      ),
                  },
                ]
              : []),
          ]}
        />
      </section>
    </main>
  );
}
