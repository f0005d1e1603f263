import { session } from "@/tests/helpers/signed-in";
import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextRequest } from "next/server";
import { cohortRoster, staffEnrolment } from "@/lib/enrolment/roster";
import { buildList, ListForbiddenError } from "@/lib/exports/lists";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";

// A teacher works with names, workplaces, needs and attendance; invoicing (EAN, reference, prices,
// the invoicing list) is for staff with invoice:read. Checked in the data functions and on the pages.

const { prisma } = currentTestDb();
const EAN = "5798000416604";
const REFERENCE = "PO-4711";
let cohortId = "";
let enrolmentId = "";
let teacherId = "";
let coordinatorId = "";

beforeAll(async () => {
  const { cohort } = await createCohortFixture(prisma);
  cohortId = cohort.id;
  const organisation = await prisma.organisation.create({ data: { name: "Aarhus Kommune", kind: "MUNICIPALITY" } });
  const person = await prisma.person.create({ data: { name: "Hanne Underviste", email: "hanne@kommune.example", phone: "+4512345678" } });
  const at = new Date("2026-01-15T10:00:00Z");
  enrolmentId = (
    await prisma.enrolment.create({
      data: {
        cohortId, personId: person.id, organisationId: organisation.id, status: "CONFIRMED", priceOre: 1_295_000, vatRateBp: 2500,
        invoiceEan: EAN, invoiceReference: REFERENCE, invoiceAttention: "Økonomiafdelingen", billingStreet: "Rådhuspladsen 2",
        dietaryNeeds: "Vegetar", accessibilityNeeds: "Kørestol", internalNotes: "Ring før fakturering",
        termsAcceptedAt: at, termsVersion: "test-1", privacyAcceptedAt: at,
      },
    })
  ).id;
  teacherId = (await prisma.user.create({ data: { email: "teacher-view@stillads.invalid", name: "Lærer", role: "TEACHER", passwordHash: "x", cohorts: { create: { cohortId } } } })).id;
  coordinatorId = (await prisma.user.create({ data: { email: "coordinator-view@stillads.invalid", name: "Koordinator", role: "COORDINATOR", passwordHash: "x" } })).id;
});

const INVOICING = [EAN, REFERENCE, "Økonomiafdelingen", "Rådhuspladsen", "12.950", "16.187", "Ring før fakturering", "Faktura", "eksport"];

async function asUser<T>(userId: string, work: () => Promise<T>): Promise<T> {
  session.userId = userId;
  try {
    return await work();
  } finally {
    session.userId = null;
  }
}

describe("a teacher", () => {
  it("sees names, workplaces and needs on the cohort page, and no invoicing", async () => {
    const { default: CohortPage } = await import("@/app/admin/hold/[id]/page");
    const html = await asUser(teacherId, async () => renderToStaticMarkup(await CohortPage({ params: Promise.resolve({ id: cohortId }), searchParams: Promise.resolve({}) })));
    for (const shown of ["Hanne Underviste", "Aarhus Kommune", "Vegetar", "Kørestol", "Fremmøde"]) expect(html).toContain(shown);
    for (const hidden of INVOICING) expect(html).not.toContain(hidden);
    // The same page for a coordinator shows the invoicing column (what the teacher's lacks).
    const coordinator = await asUser(coordinatorId, async () => renderToStaticMarkup(await CohortPage({ params: Promise.resolve({ id: cohortId }), searchParams: Promise.resolve({}) })));
    for (const shown of [EAN, REFERENCE, "Faktura", "liste=fakturering"]) expect(coordinator).toContain(shown);
  });

  it("sees the enrolment's person and needs, and no EAN, reference, price or notes", async () => {
    const { default: EnrolmentPage } = await import("@/app/admin/tilmeldinger/[id]/page");
    const html = await asUser(teacherId, async () => renderToStaticMarkup(await EnrolmentPage({ params: Promise.resolve({ id: enrolmentId }) })));
    for (const shown of ["Hanne Underviste", "Aarhus Kommune", "Vegetar", "Kørestol", "+4512345678"]) expect(html).toContain(shown);
    for (const hidden of INVOICING) expect(html).not.toContain(hidden);
    expect(html).not.toContain("Pris");
  });

  it("gets no invoicing fields from the data functions", async () => {
    const teacher = { id: teacherId, email: "", name: "", role: "TEACHER" as const };
    const roster = await cohortRoster(teacher, cohortId);
    expect(roster.showsInvoice).toBe(false);
    expect(roster.rows).toHaveLength(1);
    expect(roster.rows[0]!.invoice).toBeUndefined();
    expect(JSON.stringify(roster)).not.toMatch(new RegExp(`${EAN}|${REFERENCE}|priceOre|invoice`));
    const one = await staffEnrolment(teacher, enrolmentId);
    expect(one).toMatchObject({ dietaryNeeds: "Vegetar", accessibilityNeeds: "Kørestol", internalNotes: null });
    expect(JSON.stringify(one)).not.toMatch(new RegExp(`${EAN}|${REFERENCE}|priceOre|Ring før`));
    await expect(buildList(cohortId, "fakturering", "TEACHER")).rejects.toBeInstanceOf(ListForbiddenError);

    const coordinator = { id: coordinatorId, email: "", name: "", role: "COORDINATOR" as const };
    expect((await cohortRoster(coordinator, cohortId)).rows[0]!.invoice).toMatchObject({ ean: EAN, reference: REFERENCE, price: { inclVatOre: 1_618_750 } });
  });

  it("cannot download any list", async () => {
    const { GET } = await import("@/app/admin/hold/[id]/eksport/route");
    const call = () => GET(new NextRequest(`http://localhost/admin/hold/${cohortId}/eksport?liste=fakturering&format=csv`), { params: Promise.resolve({ id: cohortId }) });
    const refused = await asUser(teacherId, () => call().then(() => "allowed", (e: { digest?: string }) => String(e.digest)));
    expect(refused).toMatch(/;403$/);
    const allowed = await asUser(coordinatorId, call);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain(EAN);
  });
});
