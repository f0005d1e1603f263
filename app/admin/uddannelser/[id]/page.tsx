import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { moduleFields, programmeFields } from "@/components/admin/programme-fields";
import { ActionForm } from "@/components/ui/action-form";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { programmeDetail } from "@/lib/programmes/queries";
import { addModuleAction, moveModuleAction, updateModuleAction, updateProgrammeAction } from "../actions";

export const metadata: Metadata = { title: "Uddannelse" };

type Props = { params: Promise<{ id: string }> };

export default async function ProgrammePage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission(ADMIN_PAGES["/admin/uddannelser/[id]"], `/admin/uddannelser/${id}`);
  const data = await programmeDetail(user, id);
  if (!data) notFound();
  const { programme: p, content, contentValid, mayUpdate } = data;

  return (
    <main className="wrap narrow">
      <p style={{ marginTop: "1rem" }}>
        <Link href="/admin/uddannelser">← Alle uddannelser</Link>
      </p>
      <h1>{p.title}</h1>
      <p>
        {p.status === "PUBLISHED" && (
          <>
            <Link href={`/uddannelser/${p.slug}`}>Se den offentlige side</Link> ·{" "}
          </>
        )}
        <Link href={`/admin/uddannelser/${p.id}/evalueringer`}>Evalueringer og resultater på siden</Link>
      </p>
      <section aria-labelledby="moduler">
        <h2 id="moduler">Moduler</h2>
        <ol>
          {p.modules.map((m, i) => (
            <li key={m.id}>
              <strong>{m.title}</strong> ({m.durationDays} {m.durationDays === 1 ? "dag" : "dage"})
              {mayUpdate && (
                <>
                  <div className="inline-form">
                    {i > 0 && <ActionForm action={moveModuleAction.bind(null, id, m.id, "up")} schema="none" idPrefix={`up-${m.id}`} fields={[]} submitLabel="Flyt op" pendingLabel="Flytter…" />}
                    {i < p.modules.length - 1 && (
                      <ActionForm action={moveModuleAction.bind(null, id, m.id, "down")} schema="none" idPrefix={`down-${m.id}`} fields={[]} submitLabel="Flyt ned" pendingLabel="Flytter…" />
                    )}
                  </div>
                  <ActionForm
                    action={updateModuleAction.bind(null, id, m.id)}
                    schema="module"
                    idPrefix={`module-${m.id}`}
                    details="Ret modulet"
                    fields={moduleFields(m)}
                    submitLabel="Gem modulet"
                    pendingLabel="Gemmer…"
                  />
                </>
              )}
            </li>
          ))}
        </ol>
        {mayUpdate && (
          <ActionForm action={addModuleAction.bind(null, id)} schema="module" idPrefix="new-module" details="Tilføj modul" fields={moduleFields()} submitLabel="Tilføj modul" pendingLabel="Tilføjer…" />
        )}
      </section>
      {mayUpdate ? (
        <section aria-labelledby="ret">
          <h2 id="ret">Ret uddannelsen</h2>
          {!contentValid && <p className="error">Den gemte sidetekst har et ugyldigt format; gem formularen for at rette den.</p>}
          <ActionForm
            action={updateProgrammeAction.bind(null, id)}
            schema="programme"
            fields={programmeFields({ ...p, content })}
            submitLabel="Gem uddannelsen"
            pendingLabel="Gemmer…"
          />
        </section>
      ) : (
        <p className="muted">{p.summary}</p>
      )}
    </main>
  );
}
