import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms";
import { CohortCreateSchema, CohortUpdateSchema } from "./schemas";

const day = (date: string, start = "09:00", end = "16:00") => ({ date, start, end });

function input(over: Record<string, unknown> = {}) {
  return {
    programmeId: "p1",
    name: "Efterår 2027",
    slug: "efteraar-2027",
    capacity: "30",
    enrolmentOpens: "2027-03-01",
    enrolmentCloses: "2027-08-01",
    priceOverrideKr: "",
    sessions: [
      { moduleId: "m1", venueId: "", roomId: "", days: [day("2027-09-06"), day("2027-09-07")] },
      { moduleId: "m2", venueId: "", roomId: "", days: [day("2027-10-04")] },
    ],
    ...over,
  };
}

function errors(values: unknown): Record<string, string> {
  const r = CohortCreateSchema.safeParse(values);
  return r.success ? {} : fieldErrors(r.error);
}

const WINDOW = "Tilmeldingen skal åbne før første kursusdag";

describe("CohortCreateSchema", () => {
  it("accepts a complete cohort", () => {
    expect(CohortCreateSchema.safeParse(input()).success).toBe(true);
  });

  it("never reports the enrolment window while no day has a valid date", () => {
    const e = errors(input({ sessions: [{ moduleId: "m1", days: [day(""), day("")] }, { moduleId: "m2", days: [day("")] }] }));
    expect(e["sessions.0.days.0.date"]).toBe("Vælg dato");
    expect(e.enrolmentOpens).toBeUndefined();
    expect(Object.values(e)).not.toContain(WINDOW);
  });

  it("does not judge the window by an empty day, only by days with a date", () => {
    const e = errors(input({ sessions: [{ moduleId: "m1", days: [day(""), day("2027-09-07")] }, { moduleId: "m2", days: [day("")] }] }));
    expect(e.enrolmentOpens).toBeUndefined();
    expect(errors(input({ enrolmentOpens: "2027-09-07", enrolmentCloses: "2027-09-07", sessions: [{ moduleId: "m1", days: [day(""), day("2027-09-07")] }] })).enrolmentOpens).toBe(WINDOW);
  });

  it("reports the window together with errors in other fields", () => {
    const e = errors(input({ name: "", enrolmentOpens: "2027-09-06" }));
    expect(e.name).toBe("Skriv holdets navn");
    expect(e.enrolmentOpens).toBe(WINDOW);
    // A value of the wrong type stops zod's ordinary refinements; these rules still run.
    const typed = errors(input({ capacity: "mange", enrolmentOpens: "2027-09-06" }));
    expect(typed.capacity).toBe("Skriv antal pladser");
    expect(typed.enrolmentOpens).toBe(WINDOW);
  });

  it("reports overlapping days together with errors in other fields", () => {
    const e = errors(
      input({
        slug: "Ikke gyldig",
        name: undefined,
        sessions: [
          { moduleId: "m1", days: [day("2027-09-06"), day("")] },
          { moduleId: "m2", days: [day("2027-09-06", "15:00", "17:00")] },
        ],
      }),
    );
    expect(e.slug).toMatch(/små bogstaver/);
    expect(e.name).toBeDefined();
    expect(e["sessions.0.days.1.date"]).toBe("Vælg dato");
    expect(e["sessions.1.days.0.start"]).toBe("Dagen overlapper en anden dag på holdet");
  });

  it("reports a closing date before the opening date together with other errors", () => {
    const e = errors(input({ capacity: "x", enrolmentOpens: "2027-05-01", enrolmentCloses: "2027-04-01" }));
    expect(e.capacity).toBe("Skriv antal pladser");
    expect(e.enrolmentCloses).toBe("Tilmeldingen skal lukke efter, den åbner");
  });

  it("leaves the rules out when the values they compare are invalid themselves", () => {
    const e = errors(input({ enrolmentOpens: "", enrolmentCloses: "2027-04-01" }));
    expect(e.enrolmentOpens).toBe("Vælg åbningsdato");
    expect(e.enrolmentCloses).toBeUndefined();
  });

  it("reports a module used twice", () => {
    const e = errors(input({ name: 42, sessions: [{ moduleId: "m1", days: [day("2027-09-06")] }, { moduleId: "m1", days: [day("2027-10-06")] }] }));
    expect(e.name).toBeDefined();
    expect(e.sessions).toBe("Hvert modul kan kun optræde én gang på et hold");
  });

  it("still refuses input that is not an object", () => {
    expect(CohortCreateSchema.safeParse(undefined).success).toBe(false);
    expect(CohortCreateSchema.safeParse({ ...input(), sessions: "x" }).success).toBe(false);
  });
});

describe("CohortUpdateSchema", () => {
  const base = { name: "Hold", capacity: "30", enrolmentOpens: "2027-05-01", enrolmentCloses: "2027-04-01", priceOverrideKr: "" };

  it("reports a closing date before the opening date together with other errors", () => {
    const r = CohortUpdateSchema.safeParse({ ...base, capacity: "mange" });
    const e = r.success ? {} : fieldErrors(r.error);
    expect(e.capacity).toBe("Skriv antal pladser");
    expect(e.enrolmentCloses).toBe("Tilmeldingen skal lukke efter, den åbner");
  });

  it("accepts a cohort's own price as the site writes it, and refuses one it cannot read", () => {
    for (const priceOverrideKr of ["9.500,50", "9500,50", "9500.50"]) {
      const r = CohortUpdateSchema.safeParse({ ...base, enrolmentCloses: "2027-06-01", priceOverrideKr });
      expect(r.success, priceOverrideKr).toBe(true);
      expect(CohortCreateSchema.safeParse(input({ priceOverrideKr })).success, priceOverrideKr).toBe(true);
    }
    expect(errors(input({ priceOverrideKr: "9,500.50" })).priceOverrideKr).toBe("Skriv prisen i kroner, fx 9500, 9.500,50 eller 9500,50");
  });

  it("does not compare with an empty date", () => {
    const r = CohortUpdateSchema.safeParse({ ...base, enrolmentOpens: "" });
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ enrolmentOpens: "Vælg åbningsdato" });
    expect(CohortUpdateSchema.safeParse({ ...base, enrolmentCloses: "2027-06-01" }).success).toBe(true);
  });
});
