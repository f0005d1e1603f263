import { describeItem, FIELD_LABELS, formatIsoDate, sectionTitle } from "@/lib/workspace/describe";
import { SECTIONS, type Section } from "@/lib/workspace/schemas";
import type { ItemState, WorkspaceDiff, WorkspaceState } from "@/lib/workspace/state";

/** One entry as text: headline and label–value lines. */
export function ItemText({ item }: { item: ItemState }) {
  const { title, lines } = describeItem(item);
  return (
    <>
      <p className="ws-item-title">{title}</p>
      <dl className="ws-item-lines">
        {lines.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** A workspace read-only: for colleagues, teachers, and the snapshot from module 1. */
export function WorkspaceRead({ state, headingLevel = 2, idPrefix }: { state: WorkspaceState; headingLevel?: 2 | 3; idPrefix: string }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const items = (s: Section) => state.items.filter((i) => i.section === s);
  return (
    <div className="ws-read">
      <H id={`${idPrefix}-losning`}>Løsningen og gevinsten</H>
      <p className="ws-pre">{state.solution || "Ikke beskrevet endnu."}</p>
      <p className="ws-pre">
        <strong>Gevinst:</strong> {state.gain || "Ikke beskrevet endnu."}
      </p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`${idPrefix}-${s}`}>
          <H id={`${idPrefix}-${s}`}>{sectionTitle(s)}</H>
          {items(s).length === 0 ? (
            <p className="muted">Intet endnu.</p>
          ) : (
            <ol className="ws-list">
              {items(s).map((i) => (
                <li key={i.id}>
                  <ItemText item={i} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

/** What changed since the snapshot, per section. */
export function WorkspaceChanges({ diff, snapshotAt }: { diff: WorkspaceDiff; snapshotAt: Date }) {
  return (
    <section aria-labelledby="aendringer" className="aside-box" data-testid="workspace-changes">
      <h2 id="aendringer">Det har du ændret siden modul 1</h2>
      <p>Sammenlignet med stilladset, som det så ud, da modul 1 sluttede {formatIsoDate(snapshotAt.toISOString().slice(0, 10))}.</p>
      {!diff.any && <p>Ingen ændringer endnu.</p>}
      {diff.basics.length > 0 && <p>Ændret: {diff.basics.map((b) => ({ title: "navnet", solution: "løsningen", gain: "gevinsten" })[b]).join(", ")}.</p>}
      {SECTIONS.map((s) => {
        const d = diff.sections[s];
        if (!d.added.length && !d.changed.length && !d.removed.length && !d.moved.length) return null;
        return (
          <div key={s} data-testid={`changes-${s}`}>
            <h3>{sectionTitle(s)}</h3>
            <ul>
              {d.added.map((i) => (
                <li key={`a${i.id}`}>
                  <strong>Tilføjet:</strong> {describeItem(i).title}
                </li>
              ))}
              {d.changed.map((c) => (
                <li key={`c${c.after.id}`}>
                  <strong>Ændret</strong> ({c.fields.map((f) => FIELD_LABELS[f]).join(", ")}): {describeItem(c.after).title}
                </li>
              ))}
              {d.moved.map((i) => (
                <li key={`m${i.id}`}>
                  <strong>Flyttet:</strong> {describeItem(i).title}
                </li>
              ))}
              {d.removed.map((i) => (
                <li key={`r${i.id}`}>
                  <strong>Fjernet:</strong> <del>{describeItem(i).title}</del>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
