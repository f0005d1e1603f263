import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { itemFields, SECTION_SCHEMA } from "@/components/workspace/fields";
import { ItemText, WorkspaceChanges, WorkspaceRead } from "@/components/workspace/workspace-read";
import { formatDateTime } from "@/lib/time";
import { workspaceView } from "@/lib/workspace/queries";
import { SECTION_LABELS, SECTIONS } from "@/lib/workspace/schemas";
import {
  addItemAction,
  deleteWorkspaceAction,
  moveItemAction,
  removeItemAction,
  revokeShareAction,
  shareAction,
  teacherShareAction,
  updateBasicsAction,
  updateItemAction,
} from "../actions";

export const metadata: Metadata = { title: "Mit implementeringsstillads", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string; id: string }> };

export default async function WorkspacePage({ params }: Props) {
  await connection();
  const { token, id } = await params;
  const ws = await workspaceView(token, id);
  if (!ws) notFound();
  const now = new Date();
  const inModule2 = !!ws.module2StartsAt && ws.module2StartsAt <= now;

  return (
    <main className="wrap narrow">
      <p className="eyebrow">
        <Link href={`/stillads/${token}`}>Mit implementeringsstillads</Link>
      </p>
      <h1>{ws.title}</h1>
      <p>
        <a href={`/stillads/${token}/${ws.id}/pdf`} download>
          Hent som PDF
        </a>{" "}
        (fx til din leder)
      </p>
      {ws.diff && ws.snapshotAt && <WorkspaceChanges diff={ws.diff} snapshotAt={ws.snapshotAt} />}
      {!ws.snapshotAt && ws.module1EndsAt && <p>Vi gemmer et øjebliksbillede af stilladset, når modul 1 slutter {formatDateTime(ws.module1EndsAt)}.</p>}
      {inModule2 && <p>Modul 2: gør adfærdsmålene konkrete, og skriv effektmål og resultater med en måling og en dato for opfølgning.</p>}

      <section aria-labelledby="losning">
        <h2 id="losning">Løsningen og gevinsten</h2>
        <ActionForm
          action={updateBasicsAction.bind(null, token, ws.id)}
          schema="workspaceBasics"
          fields={[
            { name: "title", label: "Løsningens navn", required: true, maxLength: 200, defaultValue: ws.title },
            { name: "solution", label: "Hvad er løsningen?", type: "textarea", required: false, maxLength: 2000, defaultValue: ws.solution },
            { name: "gain", label: "Hvorfor: hvilken gevinst skal den give?", type: "textarea", required: false, maxLength: 2000, defaultValue: ws.gain },
          ]}
          submitLabel="Gem løsning og gevinst"
          pendingLabel="Gemmer…"
        />
      </section>

      {SECTIONS.map((s) => {
        const items = ws.sections[s];
        const label = SECTION_LABELS[s];
        return (
          <section key={s} aria-labelledby={label.anchor} data-testid={`section-${s}`}>
            <h2 id={label.anchor}>{label.title}</h2>
            {items.length === 0 && <p className="muted">Intet endnu.</p>}
            <ol className="ws-list">
              {items.map((item, n) => (
                <li key={item.id} data-testid="workspace-item">
                  <ItemText item={item} />
                  <ActionForm
                    action={updateItemAction.bind(null, token, ws.id, s, item.id)}
                    schema={SECTION_SCHEMA[s]}
                    idPrefix={`ret-${item.id}`}
                    details="Ret"
                    fields={itemFields(s, item)}
                    submitLabel="Gem ændringen"
                    pendingLabel="Gemmer…"
                  />
                  <div className="button-row">
                    {n > 0 && (
                      <ActionForm action={moveItemAction.bind(null, token, ws.id, item.id, "up")} schema="none" idPrefix={`op-${item.id}`} fields={[]} submitLabel="Flyt op" pendingLabel="Flytter…" />
                    )}
                    {n < items.length - 1 && (
                      <ActionForm action={moveItemAction.bind(null, token, ws.id, item.id, "down")} schema="none" idPrefix={`ned-${item.id}`} fields={[]} submitLabel="Flyt ned" pendingLabel="Flytter…" />
                    )}
                    <ActionForm
                      action={removeItemAction.bind(null, token, ws.id, item.id)}
                      schema="none"
                      idPrefix={`fjern-${item.id}`}
                      fields={[]}
                      submitLabel="Fjern"
                      pendingLabel="Fjerner…"
                      confirm="Vil du fjerne punktet?"
                    />
                  </div>
                </li>
              ))}
            </ol>
            <ActionForm
              action={addItemAction.bind(null, token, ws.id, s)}
              schema={SECTION_SCHEMA[s]}
              idPrefix={`ny-${label.anchor}`}
              details={label.add}
              fields={itemFields(s)}
              submitLabel={label.add}
              pendingLabel="Gemmer…"
              resetOnSuccess
            />
          </section>
        );
      })}

      <section aria-labelledby="deling">
        <h2 id="deling">Del stilladset</h2>
        <h3>Med underviserne</h3>
        <p data-testid="teacher-share-status">
          {ws.sharedWithTeachers
            ? "Underviserne på dit hold kan læse stilladset."
            : "Underviserne kan ikke læse stilladset. De ser kun, hvor mange punkter holdet samlet har skrevet i hvert afsnit."}
        </p>
        <ActionForm
          action={teacherShareAction.bind(null, token, ws.id, !ws.sharedWithTeachers)}
          schema="none"
          idPrefix="undervisere"
          fields={[]}
          submitLabel={ws.sharedWithTeachers ? "Stop deling med underviserne" : "Del med underviserne"}
          pendingLabel="Gemmer…"
        />
        <h3>Med kolleger fra din organisation</h3>
        <p>Din kollega får et link i en mail og kan læse stilladset, men ikke ændre det. Du kan lukke linket igen når som helst.</p>
        {ws.shares.length > 0 && (
          <ul className="ws-list" data-testid="shares">
            {ws.shares.map((sh) => (
              <li key={sh.id}>
                {sh.colleagueName} ({sh.colleagueEmail}):{" "}
                {sh.revokedAt ? (
                  `lukket ${formatDateTime(sh.revokedAt)}`
                ) : (
                  <ActionForm action={revokeShareAction.bind(null, token, ws.id, sh.id)} schema="none" idPrefix={`luk-${sh.id}`} fields={[]} submitLabel={`Luk linket for ${sh.colleagueName}`} pendingLabel="Lukker…" />
                )}
              </li>
            ))}
          </ul>
        )}
        <ActionForm
          action={shareAction.bind(null, token, ws.id)}
          schema="workspaceShare"
          details="Del med en kollega"
          fields={[
            { name: "colleagueName", label: "Kollegaens navn", required: true, maxLength: 200, autoComplete: "off" },
            { name: "colleagueEmail", label: "Kollegaens e-mail", type: "email", required: true, maxLength: 254, autoComplete: "off" },
          ]}
          submitLabel="Send link"
          pendingLabel="Sender…"
          resetOnSuccess
        />
      </section>

      {ws.snapshot && (
        <details>
          <summary>Sådan så stilladset ud, da modul 1 sluttede</summary>
          <WorkspaceRead state={ws.snapshot} headingLevel={3} idPrefix="snapshot" />
        </details>
      )}

      <section aria-labelledby="slet">
        <h2 id="slet">Slet stilladset</h2>
        <ActionForm
          action={deleteWorkspaceAction.bind(null, token, ws.id)}
          schema="none"
          idPrefix="slet"
          fields={[]}
          submitLabel="Slet stilladset"
          pendingLabel="Sletter…"
          confirm="Vil du slette stilladset? Det kan ikke fortrydes."
        />
      </section>
    </main>
  );
}
