import { formatDate } from "../time";
import { PRECONDITION_KIND_LABELS, PRECONDITION_STATUS_LABELS, SECTION_LABELS, type Section } from "./schemas";
import type { ItemField, ItemState } from "./state";

// An entry in words, the same on the pages, in the PDF and in the export.

/** A yyyy-mm-dd date as "1. marts 2027" (noon UTC, so it is the same day in Copenhagen). */
export function formatIsoDate(iso: string): string {
  return formatDate(new Date(`${iso}T12:00:00Z`));
}

/** The entry's headline and its label–value lines. */
export function describeItem(i: ItemState): { title: string; lines: Array<[string, string]> } {
  const d = (v: string | null) => (v ? formatIsoDate(v) : "-");
  switch (i.section) {
    case "BEHAVIOUR":
      return { title: `${i.who ?? ""}: ${i.text}`, lines: [["Fra", d(i.startsOn)], ["Sådan kan det ses", i.evidence ?? "-"]] };
    case "PRECONDITION":
      return {
        title: i.text,
        lines: [
          ["Slags", PRECONDITION_KIND_LABELS[i.kind as keyof typeof PRECONDITION_KIND_LABELS] ?? "-"],
          ["Status", PRECONDITION_STATUS_LABELS[i.status as keyof typeof PRECONDITION_STATUS_LABELS] ?? "-"],
        ],
      };
    case "ACTIVITY":
      return { title: i.text, lines: [["Ejer", `${i.ownerName ?? "-"} (${i.ownerRole ?? "-"})`], ["Frist", d(i.dueOn)]] };
    case "EFFECT":
      return {
        title: i.text,
        lines: [["Måles ved", i.measure ?? "-"], ["Opfølgning", d(i.followUpOn)], ...(i.result ? [["Resultat", i.result] as [string, string]] : [])],
      };
  }
}

export const FIELD_LABELS: Record<ItemField, string> = {
  text: "tekst",
  who: "hvem",
  startsOn: "fra hvornår",
  evidence: "hvordan det ses",
  kind: "slags",
  status: "status",
  ownerName: "ejer",
  ownerRole: "ejerens rolle",
  dueOn: "frist",
  measure: "måling",
  followUpOn: "opfølgning",
  result: "resultat",
};

export function sectionTitle(s: Section): string {
  return SECTION_LABELS[s].title;
}
