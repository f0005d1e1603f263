import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { WorkspaceCreateForm } from "@/components/workspace/forms/workspace-create-form";
import { Notice } from "@/components/ui/notice";
import { sectionTitle } from "@/lib/workspace/describe";
import { workspaceList } from "@/lib/workspace/queries";
import { SECTIONS } from "@/lib/workspace/schemas";
import { formatDateTime } from "@/lib/time";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Mit implementeringsstillads", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ slettet?: string }> };

export default async function WorkspaceListPage({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  const { slettet } = await searchParams;
  const data = await workspaceList(token);
  if (!data) notFound();
  return (
    <main className="wrap narrow">
      {slettet && (
        <Notice>Implementeringsstilladset er slettet.</Notice>
      )}
      <p className="eyebrow">
        {data.cohort.programme.title}, hold {data.cohort.name}
      </p>
      <h1>Mit implementeringsstillads</h1>
      <p className="lead">
        Her bygger du stilladset for at indføre en digital løsning i din organisation: hvad løsningen skal give, hvem der skal gøre hvad
        anderledes, hvad der skal være på plads, og hvem der ejer hvert stykke arbejde. Du begynder på modul 1 og arbejder videre frem til
        modul 2.
      </p>
      {data.module1EndsAt && <p>Når modul 1 slutter ({formatDateTime(data.module1EndsAt)}), gemmer vi et øjebliksbillede, så du på modul 2 kan se, hvad du har ændret siden.</p>}
      {data.workspaces.length > 0 && (
        <section aria-labelledby="mine">
          <h2 id="mine">Dine stilladser</h2>
          <ul className="ws-list">
            {data.workspaces.map((w) => (
              <li key={w.id}>
                <Link href={`/stillads/${token}/${w.id}`}>{w.title}</Link>
                <ul className="ws-counts" aria-label="Antal punkter">
                  {SECTIONS.map((s) => (
                    <li key={s}>
                      {sectionTitle(s)}: {w.counts[s]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="nyt">
        <h2 id="nyt">{data.workspaces.length ? "Start et stillads mere" : "Start dit stillads"}</h2>
        <p>Har du mere end én løsning at indføre, så lav et stillads til hver.</p>
        <WorkspaceCreateForm
          action={createWorkspaceAction.bind(null, token)}
          fields={[{ name: "title", label: "Hvilken løsning skal du indføre?", hint: "Fx digital selvbetjening af flyttesager", required: true, maxLength: 200 }]}
          submitLabel="Opret stillads"
          pendingLabel="Opretter…"
        />
      </section>
      <p>
        <Link href={`/tilmelding/${token}`}>Til din tilmelding</Link>
      </p>
    </main>
  );
}
