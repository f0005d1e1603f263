import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { CohortMessageForm } from "@/components/admin/forms/cohort-message-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { recipientsText } from "@/lib/cohort-messages/schemas";
import { cohortForMessages, cohortMessages, draftOf } from "@/lib/cohort-messages/queries";
import { formatDateTime } from "@/lib/time";
import { previewMessageAction } from "./actions";

export const metadata: Metadata = { title: "Skriv til holdet" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ kladde?: string }> };

export default async function CohortMessagePage({ params, searchParams }: Props) {
  const { id, user, data: cohort } = await adminDetail(params, "/admin/hold/[id]/besked", (user, { id }) => cohortForMessages(user, id));
  const { kladde } = await searchParams;
  const draft = typeof kladde === "string" ? await draftOf(user, id, kladde) : null;
  const sent = await cohortMessages(user, id);

  return (
    <main className="wrap narrow">
      <PageHead
        back={{ href: `/admin/hold/${id}`, label: cohort.name }}
        title="Skriv til holdet"
        lead={
          <>
            {cohort.programme.title}, {cohort.name}. Beskeden sendes som mail til hver deltager med en plads
            {cohort.waitlisted > 0 ? `, og til de ${cohort.waitlisted} på ventelisten, hvis du vælger det` : ""}. Du ser den, før den sendes.
          </>
        }
      />
      <CohortMessageForm
        action={previewMessageAction.bind(null, id)}
        fields={[
          { name: "subject", label: "Emne", required: true, maxLength: 150, defaultValue: draft?.subject ?? "" },
          { name: "body", label: "Besked", type: "textarea", required: true, maxLength: 5000, hint: "Hver modtager får beskeden med sit navn øverst og udbyderens navn nederst. En tom linje giver et nyt afsnit.", defaultValue: draft?.body ?? "" },
          { name: "includeWaitlist", label: "Send også til dem på ventelisten", type: "checkbox", defaultValue: draft?.includeWaitlist ? "on" : "" },
        ]}
        submitLabel="Vis beskeden, før den sendes"
        pendingLabel="Gemmer…"
      />
      {sent.length > 0 && (
        <section aria-labelledby="sendte">
          <h2 id="sendte">Sendte beskeder</h2>
          <ul>
            {sent.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/hold/${id}/besked/${m.id}`}>{m.subject}</Link> – {m.sentAt ? formatDateTime(m.sentAt) : ""}, {recipientsText(m.recipientCount)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
