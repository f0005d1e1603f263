import { SECTIONS, type Section } from "./schemas";

// A workspace as plain data: what the snapshot stores, what the pages, the PDF and the export show,
// and what "what changed since module 1" compares. No database here, so it is unit-tested alone.

export interface ItemState {
  id: string;
  section: Section;
  position: number;
  text: string;
  who: string | null;
  startsOn: string | null;
  evidence: string | null;
  kind: string | null;
  status: string | null;
  ownerName: string | null;
  ownerRole: string | null;
  dueOn: string | null;
  measure: string | null;
  followUpOn: string | null;
  result: string | null;
}

export interface WorkspaceState {
  title: string;
  solution: string;
  gain: string;
  items: ItemState[];
}

const ITEM_FIELDS = ["text", "who", "startsOn", "evidence", "kind", "status", "ownerName", "ownerRole", "dueOn", "measure", "followUpOn", "result"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A date-only column (stored as UTC midnight) as yyyy-mm-dd. */
export function isoDate(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

interface ItemRow {
  id: string;
  section: Section;
  position: number;
  text: string;
  who: string | null;
  startsOn: Date | null;
  evidence: string | null;
  kind: string | null;
  status: string | null;
  ownerName: string | null;
  ownerRole: string | null;
  dueOn: Date | null;
  measure: string | null;
  followUpOn: Date | null;
  result: string | null;
}

export function toState(ws: { title: string; solution: string; gain: string }, items: ItemRow[]): WorkspaceState {
  const sorted = [...items].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.position - b.position);
  return {
    title: ws.title,
    solution: ws.solution,
    gain: ws.gain,
    items: sorted.map((i) => ({
      id: i.id,
      section: i.section,
      position: i.position,
      text: i.text,
      who: i.who,
      startsOn: isoDate(i.startsOn),
      evidence: i.evidence,
      kind: i.kind,
      status: i.status,
      ownerName: i.ownerName,
      ownerRole: i.ownerRole,
      dueOn: isoDate(i.dueOn),
      measure: i.measure,
      followUpOn: isoDate(i.followUpOn),
      result: i.result,
    })),
  };
}

/** A workspace that did not exist at the snapshot: everything in it counts as added since. */
export const EMPTY_STATE: WorkspaceState = { title: "", solution: "", gain: "", items: [] };

export interface SectionDiff {
  added: ItemState[];
  changed: Array<{ before: ItemState; after: ItemState; fields: ItemField[] }>;
  removed: ItemState[];
  /** Items whose content is the same but whose place in the list moved. */
  moved: ItemState[];
}

export interface WorkspaceDiff {
  basics: Array<"title" | "solution" | "gain">;
  sections: Record<Section, SectionDiff>;
  /** Whether anything at all differs. */
  any: boolean;
}

/** What changed from `before` (the snapshot) to `after` (now), per section, matched by item id. */
export function diffStates(before: WorkspaceState, after: WorkspaceState): WorkspaceDiff {
  const basics = (["title", "solution", "gain"] as const).filter((k) => before[k] !== after[k]);
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, { added: [], changed: [], removed: [], moved: [] } as SectionDiff])) as Record<Section, SectionDiff>;
  const old = new Map(before.items.map((i) => [i.id, i]));
  const now = new Map(after.items.map((i) => [i.id, i]));
  // Order in each section, to tell a moved item from one that only slid up when another was removed.
  const rank = (items: ItemState[], i: ItemState) => items.filter((x) => x.section === i.section && (old.has(x.id) && now.has(x.id))).findIndex((x) => x.id === i.id);
  for (const a of after.items) {
    const b = old.get(a.id);
    if (!b) {
      sections[a.section].added.push(a);
      continue;
    }
    const fields = ITEM_FIELDS.filter((f) => b[f] !== a[f]);
    if (fields.length) sections[a.section].changed.push({ before: b, after: a, fields });
    else if (rank(before.items, b) !== rank(after.items, a)) sections[a.section].moved.push(a);
  }
  for (const b of before.items) if (!now.has(b.id)) sections[b.section].removed.push(b);
  const any = basics.length > 0 || SECTIONS.some((s) => Object.values(sections[s]).some((l) => l.length > 0));
  return { basics, sections, any };
}

/** How many entries each section holds (what teachers see of a workspace not shared with them). */
export function sectionCounts(items: Array<{ section: Section }>): Record<Section, number> {
  const out = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  for (const i of items) out[i.section] += 1;
  return out;
}
