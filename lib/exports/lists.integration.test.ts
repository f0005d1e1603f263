import { describe, expect, it } from "vitest";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { buildList } from "./lists";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

describe("cohort lists", () => {
  it("give invoicing the EAN, attention, reference and prices ex/incl moms of every seat holder", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant("inv-1", { invoiceReference: "PO-9", dietaryNeeds: "Vegansk" })), now: NOW });
    await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant("inv-2")), now: NOW });
    const invoicing = await buildList(cohort.id, "fakturering", "COORDINATOR");
    expect(invoicing!.rows).toEqual([
      ["Ansøger inv-1", "Syddjurs Kommune", "5798000416604", null, "Økonomi", "PO-9", "Lundbergsvej 2", "8400", "Ebeltoft", { ore: 1_295_000 }, { ore: 323_750 }, { ore: 1_618_750 }, "Bekræftet"],
    ]);
    const participants = await buildList(cohort.id, "deltagere", "COORDINATOR");
    expect(participants!.rows.map((r) => [r[0], r[5]])).toEqual([
      ["Ansøger inv-1", "Bekræftet"],
      ["Ansøger inv-2", "Venteliste"],
    ]);
    const catering = await buildList(cohort.id, "forplejning", "COORDINATOR");
    expect(catering!.rows).toHaveLength(2);
    expect(catering!.rows[0]).toEqual(["2027-09-06", "mandag den 6. september 2027", 1, "Ansøger inv-1", "Vegansk"]);
    expect(await buildList("nope", "deltagere", "COORDINATOR")).toBeNull();
  });
});
