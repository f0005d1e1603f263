import type { FieldSpec } from "@/components/ui/action-form";
import { COHORT_STATUS_LABELS } from "@/lib/cohorts/schemas";
import { localDateIso } from "@/lib/time";
import { optionsOf } from "@/components/ui/options";

/** "Holdets status": a select with a fixed list, so always answered. */
export function cohortStatusFields(status: string): FieldSpec[] {
  return [
    {
      name: "status",
      label: "Holdets status",
      type: "select",
      required: true,
      defaultValue: status,
      options: optionsOf(COHORT_STATUS_LABELS),
    },
  ];
}

/** "Ret hold": the cohort's own fields, filled from the cohort. */
export function cohortUpdateFields(c: { name: string; capacity: number; enrolmentOpensAt: Date; enrolmentClosesAt: Date; priceOverrideOre: number | null }): FieldSpec[] {
  return [
    { name: "name", label: "Navn", required: true, maxLength: 100, defaultValue: c.name },
    { name: "capacity", label: "Antal pladser", type: "number", required: true, defaultValue: String(c.capacity), hint: "Flere pladser tilbydes straks ventelisten." },
    { name: "enrolmentOpens", label: "Tilmelding åbner", type: "date", required: true, defaultValue: localDateIso(c.enrolmentOpensAt) },
    { name: "enrolmentCloses", label: "Tilmeldingsfrist", type: "date", required: true, defaultValue: localDateIso(c.enrolmentClosesAt) },
    {
      name: "priceOverrideKr",
      label: "Særlig pris for holdet (kr. ekskl. moms)",
      required: false,
      hint: "Tom: uddannelsens listepris",
      defaultValue: c.priceOverrideOre ? String(c.priceOverrideOre / 100) : "",
    },
  ];
}
