import { describe, expect, it } from "vitest";
import { diffStates, type ItemState, type WorkspaceState } from "./state";

const item = (id: string, position: number, text: string, over: Partial<ItemState> = {}): ItemState => ({
  id, section: "ACTIVITY", position, text, who: null, startsOn: null, evidence: null, kind: null, status: null,
  ownerName: "Åse", ownerRole: "Leder", dueOn: "2027-10-01", measure: null, followUpOn: null, result: null, ...over,
});
const state = (items: ItemState[], over: Partial<WorkspaceState> = {}): WorkspaceState => ({ title: "T", solution: "", gain: "", items, ...over });

describe("what changed since the snapshot", () => {
  it("tells added, changed (with the fields), removed and moved apart, per section", () => {
    const before = state([item("a", 1, "A"), item("b", 2, "B"), item("c", 3, "C"), item("d", 4, "D")]);
    const after = state([item("c", 1, "C"), item("a", 2, "A"), item("d", 4, "D2", { ownerName: "Bo" }), item("e", 5, "E")], { gain: "Ny" });
    const d = diffStates(before, after);
    expect(d.basics).toEqual(["gain"]);
    expect(d.sections.ACTIVITY.added.map((i) => i.id)).toEqual(["e"]);
    expect(d.sections.ACTIVITY.removed.map((i) => i.id)).toEqual(["b"]);
    expect(d.sections.ACTIVITY.changed.map((c) => [c.after.id, c.fields])).toEqual([["d", ["text", "ownerName"]]]);
    expect(d.sections.ACTIVITY.moved.map((i) => i.id)).toEqual(["c", "a"]);
    expect(d.any).toBe(true);
  });

  it("does not call an item moved when it only slid up because one above it was removed", () => {
    const d = diffStates(state([item("a", 1, "A"), item("b", 2, "B")]), state([item("b", 2, "B")]));
    expect(d.sections.ACTIVITY.moved).toEqual([]);
    expect(d.sections.ACTIVITY.removed.map((i) => i.id)).toEqual(["a"]);
  });

  it("finds nothing when nothing changed", () => {
    const s = state([item("a", 1, "A")]);
    expect(diffStates(s, structuredClone(s)).any).toBe(false);
  });
});
