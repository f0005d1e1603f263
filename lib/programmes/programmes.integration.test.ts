import { describe, expect, it } from "vitest";
import { KIU_CONTENT } from "@/prisma/seed/programme-content";
import { currentTestDb } from "@/tests/helpers/test-db";
import { ModuleSchema, ProgrammeSchema, textFromContent } from "./schemas";
import { ProgrammeError, addModule, createProgramme, moveModule, updateProgramme } from "./service";

const { prisma } = currentTestDb();

const form = (over: Record<string, string> = {}) =>
  ProgrammeSchema.parse({
    title: "Ny uddannelse", slug: "ny-uddannelse", status: "DRAFT", summary: "Kort", audience: "Alle", providerName: "KL",
    priceKr: "9995,50", vatPct: "25", priceIncludes: "Undervisning\nFrokost", bindingEnrolment: "on", termsText: "Bindende.",
    termsVersion: "2027-01", completionMinAttendancePct: "80", workspaceMailDaysBefore: "10", ...textFromContent(KIU_CONTENT), ...over,
  });

describe("programmes", () => {
  it("are created and updated with their content, price and terms, audited with what changed", async () => {
    const admin = await prisma.user.create({ data: { email: "p@stillads.invalid", name: "P", role: "ADMIN", passwordHash: "x" } });
    const p = await createProgramme(form(), admin.id);
    expect(p).toMatchObject({ priceOre: 999_550, vatRateBp: 2500, priceIncludes: ["Undervisning", "Frokost"], bindingEnrolment: true, substitutionAllowed: false, completionMinAttendancePct: 80, workspaceMailDaysBefore: 10 });
    expect(p.content).toEqual(KIU_CONTENT);
    await updateProgramme(p.id, form({ contactName: "Navn Navnesen", substitutionAllowed: "on" }), admin.id);
    const log = await prisma.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "programme.updated" } });
    expect(log.before).toEqual({ substitutionAllowed: false, contactName: null });
    expect(log.after).toEqual({ substitutionAllowed: true, contactName: "Navn Navnesen" });
    await expect(createProgramme(form(), admin.id)).rejects.toMatchObject({ fieldErrors: { slug: "En anden uddannelse har allerede denne adresse" } });
  });

  it("keep modules in order when one moves", async () => {
    const admin = await prisma.user.create({ data: { email: "m@stillads.invalid", name: "M", role: "ADMIN", passwordHash: "x" } });
    const p = await createProgramme(form({ slug: "moduler" }), admin.id);
    const m1 = await addModule(p.id, ModuleSchema.parse({ title: "Et", durationDays: "2" }), admin.id);
    await addModule(p.id, ModuleSchema.parse({ title: "To", durationDays: "1" }), admin.id);
    await addModule(p.id, ModuleSchema.parse({ title: "Tre", durationDays: "1" }), admin.id);
    await moveModule(m1.id, "down", admin.id);
    const order = await prisma.module.findMany({ where: { programmeId: p.id }, orderBy: { position: "asc" } });
    expect(order.map((m) => [m.position, m.title])).toEqual([[1, "To"], [2, "Et"], [3, "Tre"]]);
    await expect(moveModule("nope", "up", admin.id)).rejects.toBeInstanceOf(ProgrammeError);
  });

  it("cannot be published without modules, and can once they have one", async () => {
    const admin = await prisma.user.create({ data: { email: "u@stillads.invalid", name: "U", role: "ADMIN", passwordHash: "x" } });
    const refusal = { fieldErrors: { status: expect.stringContaining("mindst ét modul") } };
    await expect(createProgramme(form({ slug: "straks", status: "PUBLISHED" }), admin.id)).rejects.toMatchObject(refusal);
    expect(await prisma.programme.count({ where: { slug: "straks" } })).toBe(0);
    const p = await createProgramme(form({ slug: "senere" }), admin.id);
    await expect(updateProgramme(p.id, form({ slug: "senere", status: "PUBLISHED" }), admin.id)).rejects.toMatchObject(refusal);
    expect((await prisma.programme.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("DRAFT");
    await addModule(p.id, ModuleSchema.parse({ title: "Et", durationDays: "2" }), admin.id);
    await updateProgramme(p.id, form({ slug: "senere", status: "PUBLISHED" }), admin.id);
    expect((await prisma.programme.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("PUBLISHED");
  });
});
