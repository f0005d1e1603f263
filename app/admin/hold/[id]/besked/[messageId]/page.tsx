import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/notice";
import { adminDetail } from "@/lib/auth/admin-page";
import { recipientsText } from "@/lib/cohort-messages/schemas";
import { messagePreview } from "@/lib/cohort-messages/queries";
import { ENROLMENT_STATUS_LABELS } from "@/lib/enrolment/schemas";
import { formatDateTime } from "@/lib/time";
import { sendMessageAction } from "../actions";

export const metadata: Metadata = { title: "Besked til holdet" };

type Props = { params: Promise<{ id: string; messageId: string }>; searchParams: Promise<{ sendt?: string }> };

export default async function CohortMessagePreviewPage({ params, searchParams }: Props) {
  const { id, data: preview } = await adminDetail(params, "/admin/hold/[id]/besked/[messageId]", (user, { id, messageId }) => messagePreview(user, id, messageId));
  const { message: m, recipients, sample } = preview;
  const { sendt } = await searchParams;

  return (
    <main className="wrap narrow">
      <PageHead back={{ href: `/admin/hold/${id}/besked`, label: "Skriv til holdet" }} title={m.sentAt ? "Sendt besked" : "Se beskeden, før den sendes"} />
      {m.sentAt && (
        <Notice testId="message-sent">
          <strong>{sendt ? "Beskeden er sendt." : "Beskeden blev sendt."}</strong> Den gik til {recipientsText(m.recipientCount)} {formatDateTime(m.sentAt)}.
        </Notice>
      )}
      <section aria-labelledby="mailen">
        <h2 id="mailen">Mailen</h2>
        <dl className="price">
          <div><dt>Emne</dt><dd data-testid="preview-subject">{sample.subject}</dd></div>
          <div><dt>Fra</dt><dd>{sample.fromName}</dd></div>
        </dl>
        <pre className="mail-preview" data-testid="preview-text">{sample.text}</pre>
      </section>
      {!m.sentAt && (
        <>
          <section aria-labelledby="modtagere">
            <h2 id="modtagere">Modtagere ({recipients.length})</h2>
            {recipients.length === 0 ? (
              <p>Holdet har ingen modtagere af beskeden endnu.</p>
            ) : (
              <ul>
                {recipients.map((r) => (
                  <li key={r.id}>
                    {r.person.name} ({ENROLMENT_STATUS_LABELS[r.status].toLowerCase()})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <Link href={`/admin/hold/${id}/besked?kladde=${m.id}`}>Ret beskeden</Link>
          </p>
          {recipients.length > 0 && (
            <ActionForm
              action={sendMessageAction.bind(null, id, m.id)}
              fields={[]}
              submitLabel={`Send til ${recipientsText(recipients.length)}`}
              pendingLabel="Sender…"
              confirm={`Send beskeden til ${recipientsText(recipients.length)} nu?`}
            />
          )}
        </>
      )}
    </main>
  );
}
