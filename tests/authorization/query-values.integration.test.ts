import { session } from "@/tests/helpers/signed-in";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextRequest } from "next/server";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";

// Query values that pick something (a status filter, an export list) are checked against the
// record's own keys: names every object inherits ("toString", "constructor") answer like any unknown
// value — a normal page without the filter, or a 400 with a Danish message — never a 500.

const { prisma } = currentTestDb();
let cohortId = "";
let cohortName = "";

beforeAll(async () => {
  session.userId = (await prisma.user.create({ data: { email: "query@stillads.invalid", name: "A", role: "ADMIN", passwordHash: "x" } })).id;
  const { cohort } = await createCohortFixture(prisma);
  cohortId = cohort.id;
  cohortName = cohort.name;
});
afterEach(() => vi.clearAllMocks());

const html = async (page: Promise<React.ReactNode>) => renderToStaticMarkup(await page);

describe("inherited names in query values", () => {
  it("/admin/hold?status=toString shows the unfiltered list", async () => {
    const { default: CohortsPage } = await import("@/app/admin/hold/page");
    for (const status of ["toString", "constructor", "__proto__"]) {
      const page = await html(CohortsPage({ searchParams: Promise.resolve({ status }) }));
      expect(page).toContain(cohortName);
      expect(page).not.toContain("function Object");
    }
    const drafts = await html(CohortsPage({ searchParams: Promise.resolve({ status: "DRAFT" }) }));
    expect(drafts).not.toContain(cohortName);
  });

  it("/admin/hold/<id>?status=toString&besked=constructor shows the cohort page without a filter or notice", async () => {
    const { default: CohortPage } = await import("@/app/admin/hold/[id]/page");
    const page = await html(CohortPage({ params: Promise.resolve({ id: cohortId }), searchParams: Promise.resolve({ status: "toString", besked: "constructor" }) }));
    expect(page).toContain(cohortName);
    expect(page).toContain("Ingen har tilmeldt sig endnu.");
    expect(page).not.toContain("function Object");
    expect(page).not.toContain('class="notice"');
  });

  it("/admin/hold/<id>/eksport?liste=constructor answers 400 in Danish", async () => {
    const { GET } = await import("@/app/admin/hold/[id]/eksport/route");
    for (const liste of ["constructor", "toString", "__proto__"]) {
      const res = await GET(new NextRequest(`http://localhost/admin/hold/${cohortId}/eksport?liste=${liste}&format=csv`), { params: Promise.resolve({ id: cohortId }) });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe("Ukendt liste eller format.");
    }
    const ok = await GET(new NextRequest(`http://localhost/admin/hold/${cohortId}/eksport?liste=deltagere&format=csv`), { params: Promise.resolve({ id: cohortId }) });
    expect(ok.status).toBe(200);
  });
});
