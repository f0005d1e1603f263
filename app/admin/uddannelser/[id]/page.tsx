import type { Metadata } from "next";
import { ModuleForm } from "@/components/admin/forms/module-form";
import { ProgrammeForm } from "@/components/admin/forms/programme-form";
import Link from "next/link";
import { PageHead } from "@/components/admin/page-head";
import { moduleFields, programmeFields } from "@/components/admin/programme-fields";
import { ActionForm } from "@/components/ui/action-form";
import { adminDetail } from "@/lib/auth/admin-page";
import { programmeDetail } from "@/lib/programmes/queries";
import { addModuleAction, moveModuleAction, updateModuleAction, updateProgrammeAction } from "../actions";

export const metadata: Metadata = { title: "Uddannelse" };

type Props = { params: Promise<{ id: string }> };

export default async function ProgrammePage({ params }: Props) {
  const { id, data } = await adminDetail(params, "/admin/uddannelser/[id]", (user, { id }) => programmeDetail(user, id));
  const { programme: p, content, contentValid, mayUpdate } = data;

  return (
    <main className="wrap narrow">
      <PageHead back={{ href: "/admin/uddannelser", label: "Alle uddannelser" }} title={p.title} />
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
                    {i > 0 && <ActionForm action={moveModuleAction.bind(null, id, m.id, "up")} idPrefix={`up-${m.id}`} fields={[]} submitLabel="Flyt op" pendingLabel="Flytter…" />}
                    {i < p.modules.length - 1 && (
                      <ActionForm action={moveModuleAction.bind(null, id, m.id, "down")} idPrefix={`down-${m.id}`} fields={[]} submitLabel="Flyt ned" pendingLabel="Flytter…" />
                    )}
                  </div>
                  <ModuleForm
                    action={updateModuleAction.bind(null, id, m.id)}
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
          <ModuleForm action={addModuleAction.bind(null, id)} idPrefix="new-module" details="Tilføj modul" fields={moduleFields()} submitLabel="Tilføj modul" pendingLabel="Tilføjer…" />
        )}
      </section>
      {mayUpdate ? (
        <section aria-labelledby="ret">
          <h2 id="ret">Ret uddannelsen</h2>
          {!contentValid && <p className="error">Den gemte sidetekst har et ugyldigt format; gem formularen for at rette den.</p>}
          <ProgrammeForm
            action={updateProgrammeAction.bind(null, id)}
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
