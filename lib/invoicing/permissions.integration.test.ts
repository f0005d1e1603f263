// Who may issue and configure: the actions as each role calls them, and what they changed.
import { session } from "@/tests/helpers/signed-in";
import { describe, expect, it, vi } from "vitest";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { seedSellerConfig } from "@/prisma/seed/invoicing";
import { currentTestDb } from "@/tests/helpers/test-db";
import { EnrolmentSchema } from "../enrolment/schemas";
import { enrol } from "../enrolment/service";

vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), after: vi.fn() }));
const { prisma } = currentTestDb();

async function outcome(call: () => Promise<unknown>) {
  try {
    return { ok: await call() };
  } catch (e) {
    return { thrown: String((e as { digest?: string }).digest ?? (e as Error).message) };
  }
}
const user = (role: "ADMIN" | "COORDINATOR" | "TEACHER") => prisma.user.create({ data: { email: `${role.toLowerCase()}-${Math.random()}@stillads.invalid`, name: role, role, passwordHash: "x" } });

describe("invoicing permissions", () => {
  it("a teacher cannot issue; a coordinator can, once; a coordinator cannot change the seller details, an admin can", async () => {
    await seedSellerConfig(prisma);
    const { cohort } = await createCohortFixture(prisma);
    await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant("perm-1", { billingStreet: "Torvet 1", billingPostalCode: "8400", billingCity: "Ebeltoft" })), now: new Date("2026-11-27T10:00:00Z") });
    const { issueInvoicesAction } = await import("@/app/admin/hold/[id]/fakturering/actions");
    const { saveSellerConfigAction } = await import("@/app/admin/fakturering/actions");

    session.userId = (await user("TEACHER")).id;
    expect((await outcome(() => issueInvoicesAction(cohort.id))).thrown).toMatch(/;403$/);
    expect(await prisma.invoice.count({ where: { cohortId: cohort.id } })).toBe(0);

    session.userId = (await user("COORDINATOR")).id;
    expect((await outcome(() => issueInvoicesAction(cohort.id))).thrown).toMatch(new RegExp(`NEXT_REDIRECT.*/admin/hold/${cohort.id}/fakturering\\?udstedt=1&venter=0`));
    expect((await outcome(() => issueInvoicesAction(cohort.id))).thrown).toMatch(/udstedt=0&venter=0/);
    expect(await prisma.invoice.count({ where: { cohortId: cohort.id } })).toBe(1);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ legalName: "Ny A/S", invoicePrefix: "F", creditNotePrefix: "K", paymentTermsDays: "30" })) fd.set(k, v);
    expect((await outcome(() => saveSellerConfigAction(null, fd))).thrown).toMatch(/;403$/);
    expect((await prisma.sellerConfig.findUniqueOrThrow({ where: { id: "seller" } })).legalName).toBe("Stillads Kursusdrift ApS (demo)");

    session.userId = (await user("ADMIN")).id;
    fd.set("gln", "5790000000006");
    expect((await outcome(() => saveSellerConfigAction(null, fd))).ok).toMatchObject({ ok: false, fieldErrors: { gln: "GLN-nummeret er ikke gyldigt – kontrollér cifrene" } });
    fd.set("gln", "5790000000005");
    expect((await outcome(() => saveSellerConfigAction(null, fd))).ok).toMatchObject({ ok: true });
    expect(await prisma.sellerConfig.findUniqueOrThrow({ where: { id: "seller" } })).toMatchObject({ legalName: "Ny A/S", gln: "5790000000005", cvr: "", isDemo: false });
    expect(await prisma.auditLog.count({ where: { action: "seller_config.updated" } })).toBe(1);
    session.userId = null;
  });
});
