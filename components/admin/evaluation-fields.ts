import type { FieldSpec } from "@/components/ui/action-form";
import { QUESTION_KIND_LABELS, QUESTION_KINDS } from "@/lib/evaluations/schemas";

/** The evaluation form's settings, shared by "opret evaluering" and "ret indstillinger". */
export function evaluationSettingsFields(modules: Array<{ id: string; title: string; position: number }>): FieldSpec[] {
  return [
    { name: "title", label: "Titel", required: true, maxLength: 200, hint: "Vises i mailen og øverst på spørgeskemaet" },
    {
      name: "moduleId",
      label: "Hvad evalueres",
      type: "select",
      required: true,
      options: [{ value: "", label: "Hele holdet (sendes efter sidste kursusdag)" }, ...modules.map((m) => ({ value: m.id, label: `Modul ${m.position}: ${m.title}` }))],
    },
    { name: "closesOn", label: "Svarfrist", type: "date", required: true, hint: "Der kan svares til og med denne dag" },
    { name: "reminderAfterDays", label: "Påmindelse efter antal dage", type: "number", required: true, hint: "Én påmindelse til dem, der ikke har svaret" },
    { name: "anonymous", label: "Anonym: svarene gemmes uden forbindelse til deltageren", type: "checkbox" },
    { name: "autoInvite", label: "Invitér automatisk, når kursusdagene er slut", type: "checkbox" },
  ];
}

/** One question's fields, for adding and for editing. */
export const QUESTION_FIELDS: FieldSpec[] = [
  { name: "kind", label: "Type", type: "select", required: true, options: QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] })) },
  { name: "prompt", label: "Spørgsmål", type: "textarea", required: true, maxLength: 500 },
  { name: "minLabel", required: false, label: "Tekst ved 1 (skala)", maxLength: 60, hint: "Fx Meget lav" },
  { name: "maxLabel", required: false, label: "Tekst ved 10 (skala)", maxLength: 60, hint: "Fx Meget høj" },
  { name: "options", required: false, label: "Svarmuligheder (ét valg)", type: "textarea", maxLength: 2000, hint: "Én pr. linje" },
  { name: "key", required: false, label: "Nøgle", maxLength: 60, hint: "Bruges til at sammenligne hold og vise resultater på uddannelsens side, fx content_quality. Tom: dannes automatisk." },
  { name: "required", label: "Skal besvares", type: "checkbox" },
];
