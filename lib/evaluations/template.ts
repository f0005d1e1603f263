// The default evaluation template: what a new form starts with, in the seed and in the admin area.
// Keys are stable across forms and cohorts, so results can be compared and published by key.
export const DEFAULT_QUESTIONS = [
  { key: "content_quality", kind: "SCALE", prompt: "Hvordan vurderer du kvaliteten af indholdet?", minLabel: "Meget lav", maxLabel: "Meget høj", required: true },
  { key: "content_relevance", kind: "SCALE", prompt: "Hvor relevant var indholdet for dit arbejde?", minLabel: "Slet ikke relevant", maxLabel: "Meget relevant", required: true },
  { key: "delivery", kind: "SCALE", prompt: "Hvordan vurderer du formidlingen?", minLabel: "Meget dårlig", maxLabel: "Meget god", required: true },
  { key: "do_differently", kind: "FREE_TEXT", prompt: "Hvad vil du gøre anderledes i dit implementeringsarbejde fremover?", minLabel: null, maxLabel: null, required: false },
  { key: "comments", kind: "FREE_TEXT", prompt: "Andre kommentarer", minLabel: null, maxLabel: null, required: false },
] as const;

/** The template as rows for `questions: { create: … }` of a new form. */
export function defaultQuestionRows() {
  return DEFAULT_QUESTIONS.map((q, i) => ({
    position: i + 1,
    key: q.key,
    kind: q.kind,
    prompt: q.prompt,
    required: q.required,
    scaleMin: q.kind === "SCALE" ? 1 : null,
    scaleMax: q.kind === "SCALE" ? 10 : null,
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
  }));
}
