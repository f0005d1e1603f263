import type { FieldSpec } from "@/components/ui/action-form";
import { PRECONDITION_KIND_LABELS, PRECONDITION_KINDS, PRECONDITION_STATUS_LABELS, PRECONDITION_STATUSES, type Section } from "@/lib/workspace/schemas";
import type { ItemState } from "@/lib/workspace/state";
import { ActivityForm } from "./forms/activity-form";
import { BehaviourForm } from "./forms/behaviour-form";
import { EffectForm } from "./forms/effect-form";
import { PreconditionForm } from "./forms/precondition-form";

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The fields of one entry of a section, filled with the entry's values when it is edited. */
export function itemFields(section: Section, item?: ItemState): FieldSpec[] {
  const v = (k: keyof ItemState) => (item?.[k] as string | null | undefined) ?? "";
  // A field the participant must fill in, showing the entry's own value of that name.
  const field = (name: keyof ItemState & string, label: string, spec: Partial<FieldSpec> = {}): FieldSpec => ({ name, label, required: true, ...spec, defaultValue: v(name) });
  const text = (name: keyof ItemState & string, label: string) => field(name, label, { type: "textarea", maxLength: 1000 });
  const date = (name: keyof ItemState & string, label: string) => field(name, label, { type: "date" });
  switch (section) {
    case "BEHAVIOUR":
      return [
        field("who", "Hvem", { hint: "Fx sagsbehandlerne i Borgerservice", maxLength: 200 }),
        text("text", "Gør hvad anderledes"),
        date("startsOn", "Fra hvornår"),
        text("evidence", "Hvordan kan det ses"),
      ];
    case "PRECONDITION":
      return [
        { name: "kind", label: "Slags", type: "select", options: options(PRECONDITION_KINDS, PRECONDITION_KIND_LABELS), defaultValue: v("kind") || "CONTEXT" },
        text("text", "Forudsætning"),
        { name: "status", label: "Status", type: "select", options: options(PRECONDITION_STATUSES, PRECONDITION_STATUS_LABELS), defaultValue: v("status") || "UNKNOWN" },
      ];
    case "ACTIVITY":
      return [
        text("text", "Aktivitet"),
        field("ownerName", "Ejer (én person)", { maxLength: 200, autoComplete: "off" }),
        field("ownerRole", "Ejerens rolle", { maxLength: 200 }),
        date("dueOn", "Frist"),
      ];
    case "EFFECT":
      return [
        text("text", "Effektmål"),
        text("measure", "Hvordan måles det"),
        date("followUpOn", "Opfølgning"),
        field("result", "Resultat indtil nu", { type: "textarea", required: false, maxLength: 2000 }),
      ];
  }
}

/** Each section's form, bound to the schema its actions parse. */
export const SECTION_FORM = {
  BEHAVIOUR: BehaviourForm,
  PRECONDITION: PreconditionForm,
  ACTIVITY: ActivityForm,
  EFFECT: EffectForm,
} as const;
