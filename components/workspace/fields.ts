import type { FieldSpec } from "@/components/ui/action-form";
import { PRECONDITION_KIND_LABELS, PRECONDITION_KINDS, PRECONDITION_STATUS_LABELS, PRECONDITION_STATUSES, type Section } from "@/lib/workspace/schemas";
import type { ItemState } from "@/lib/workspace/state";

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The fields of one entry of a section, filled with the entry's values when it is edited. */
export function itemFields(section: Section, item?: ItemState): FieldSpec[] {
  const v = (k: keyof ItemState) => (item?.[k] as string | null | undefined) ?? "";
  switch (section) {
    case "BEHAVIOUR":
      return [
        { name: "who", label: "Hvem", hint: "Fx sagsbehandlerne i Borgerservice", required: true, maxLength: 200, defaultValue: v("who") },
        { name: "text", label: "Gør hvad anderledes", type: "textarea", required: true, maxLength: 1000, defaultValue: v("text") },
        { name: "startsOn", label: "Fra hvornår", type: "date", required: true, defaultValue: v("startsOn") },
        { name: "evidence", label: "Hvordan kan det ses", type: "textarea", required: true, maxLength: 1000, defaultValue: v("evidence") },
      ];
    case "PRECONDITION":
      return [
        { name: "kind", label: "Slags", type: "select", options: options(PRECONDITION_KINDS, PRECONDITION_KIND_LABELS), defaultValue: v("kind") || "CONTEXT" },
        { name: "text", label: "Forudsætning", type: "textarea", required: true, maxLength: 1000, defaultValue: v("text") },
        { name: "status", label: "Status", type: "select", options: options(PRECONDITION_STATUSES, PRECONDITION_STATUS_LABELS), defaultValue: v("status") || "UNKNOWN" },
      ];
    case "ACTIVITY":
      return [
        { name: "text", label: "Aktivitet", type: "textarea", required: true, maxLength: 1000, defaultValue: v("text") },
        { name: "ownerName", label: "Ejer (én person)", required: true, maxLength: 200, autoComplete: "off", defaultValue: v("ownerName") },
        { name: "ownerRole", label: "Ejerens rolle", required: true, maxLength: 200, defaultValue: v("ownerRole") },
        { name: "dueOn", label: "Frist", type: "date", required: true, defaultValue: v("dueOn") },
      ];
    case "EFFECT":
      return [
        { name: "text", label: "Effektmål", type: "textarea", required: true, maxLength: 1000, defaultValue: v("text") },
        { name: "measure", label: "Hvordan måles det", type: "textarea", required: true, maxLength: 1000, defaultValue: v("measure") },
        { name: "followUpOn", label: "Opfølgning", type: "date", required: true, defaultValue: v("followUpOn") },
        { name: "result", label: "Resultat indtil nu", type: "textarea", required: false, maxLength: 2000, defaultValue: v("result") },
      ];
  }
}

export const SECTION_SCHEMA = {
  BEHAVIOUR: "workspaceBehaviour",
  PRECONDITION: "workspacePrecondition",
  ACTIVITY: "workspaceActivity",
  EFFECT: "workspaceEffect",
} as const;
