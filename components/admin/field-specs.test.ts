import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { FieldSpec } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { CohortStatusSchema, CohortUpdateSchema } from "@/lib/cohorts/schemas";
import { ModuleSchema, ProgrammeSchema } from "@/lib/programmes/schemas";
import { RoomSchema, VenueSchema } from "@/lib/venues/schemas";
import { QuestionSchema } from "@/lib/evaluations/schemas";
import { QUESTION_FIELDS } from "./evaluation-fields";
import { cohortStatusFields, cohortUpdateFields } from "./cohort-fields";
import { moduleFields, programmeFields } from "./programme-fields";
import { ROOM_FIELDS, VENUE_FIELDS } from "./venue-fields";

const cohort = { name: "Forår 2027", capacity: 30, enrolmentOpensAt: new Date("2026-10-01T00:00:00Z"), enrolmentClosesAt: new Date("2027-03-01T00:00:00Z"), priceOverrideOre: null };

// Each admin form's fields with its schema and an input the schema accepts.
const FORMS: Array<{ name: string; fields: FieldSpec[]; schema: z.ZodType; valid: Record<string, unknown> }> = [
  {
    name: "uddannelse",
    fields: programmeFields(),
    schema: ProgrammeSchema,
    valid: {
      title: "T", slug: "t", status: "DRAFT", summary: "S", audience: "A", providerName: "KL", partnerName: "", priceKr: "100", vatPct: "25",
      priceIncludes: "", bindingEnrolment: "on", substitutionAllowed: "on", termsText: "V", termsVersion: "1", completionMinAttendancePct: "100", reminderDaysBefore: "7",
      contactName: "", contactTitle: "", contactPhone: "", contactEmail: "", lead: "L", sections: "", advice: "",
    },
  },
  { name: "modul", fields: moduleFields(), schema: ModuleSchema, valid: { title: "M", description: "", durationDays: "2", preparation: "" } },
  { name: "sted", fields: VENUE_FIELDS, schema: VenueSchema, valid: { name: "N", street: "Vej 1", postalCode: "1620", city: "By", accessibilityNotes: "" } },
  { name: "lokale", fields: ROOM_FIELDS, schema: RoomSchema, valid: { name: "Sal", capacity: "40", accessibilityNotes: "" } },
  { name: "evalueringsspørgsmål", fields: QUESTION_FIELDS, schema: QuestionSchema, valid: { kind: "SCALE", prompt: "Hvordan?", minLabel: "", maxLabel: "", options: "", key: "" } },
  { name: "holdets status", fields: cohortStatusFields("DRAFT"), schema: CohortStatusSchema, valid: { status: "DRAFT" } },
  {
    name: "ret hold",
    fields: cohortUpdateFields(cohort),
    schema: CohortUpdateSchema,
    valid: { name: "Hold", capacity: "30", enrolmentOpens: "2026-10-01", enrolmentCloses: "2027-03-01", priceOverrideKr: "" },
  },
];

describe("admin form fields", () => {
  for (const form of FORMS) {
    it(`"${form.name}" marks exactly the fields its schema requires`, () => {
      expect(form.schema.safeParse(form.valid).success).toBe(true);
      for (const f of form.fields.filter((x) => x.type !== "checkbox")) {
        expect(typeof f.required, `${f.name}: say required: true or false`).toBe("boolean");
        const emptyRefused = !form.schema.safeParse({ ...form.valid, [f.name]: "" }).success;
        expect(f.required, `${f.name}`).toBe(emptyRefused);
      }
    });
  }

  it("calls a status select required, never optional", () => {
    for (const f of [...cohortStatusFields("DRAFT"), ...programmeFields()].filter((x) => x.type === "select")) expect(f.required).toBe(true);
  });
});

describe("Field", () => {
  const label = (required?: boolean) =>
    renderToStaticMarkup(Field({ id: "x", label: "Status", required, children: createElement("select", { id: "x" }) })).match(/<label[^>]*>(.*?)<\/label>/)![1];

  it("marks a required field with an asterisk and an optional one as optional", () => {
    expect(label(true)).toBe('Status<span aria-hidden="true"> *</span>');
    expect(label(false)).toBe('Status<span class="muted"> (valgfrit)</span>');
  });

  it("marks nothing when the form does not say, so no field is called optional by default", () => {
    expect(label(undefined)).toBe("Status");
  });
});
