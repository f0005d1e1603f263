import { session } from "@/tests/helpers/signed-in";
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { audit } from "./audit";
import { anonymisePeople } from "./privacy/anonymise";

const { prisma } = currentTestDb();

describe("the audit log's names", () => {
  it("keep what people, cohorts and programmes were called when the entry was written", async () => {
    const { programme, cohort } = await createCohortFixture(prisma);
    const [enrolmentId] = await createParticipants(prisma, cohort.id, 1);
    const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId! }, include: { person: true } });
    const admin = await prisma.user.create({ data: { email: "audit-names@stillads.invalid", name: "Anne Admin", role: "ADMIN", passwordHash: "x" } });
    await prisma.$transaction(async (tx) => {
      await audit(tx, { actorUserId: admin.id, action: "cohort.updated", entityType: "Cohort", entityId: cohort.id, after: { capacity: 30 } });
      await audit(tx, { actorUserId: admin.id, action: "programme.updated", entityType: "Programme", entityId: programme.id, after: { priceOre: 100 } });
      await audit(tx, { actorUserId: admin.id, action: "enrolment.updated", entityType: "Enrolment", entityId: enrolment.id, after: { invoiceReference: "PO-1" } });
      await audit(tx, { actorUserId: admin.id, action: "user.updated", entityType: "User", entityId: admin.id, after: { role: "ADMIN" } });
    });
    // Renamed afterwards: the entries keep the old names.
    await prisma.cohort.update({ where: { id: cohort.id }, data: { name: "Omdøbt hold" } });
    await prisma.programme.update({ where: { id: programme.id }, data: { title: "Omdøbt uddannelse" } });
    await prisma.person.update({ where: { id: enrolment.personId }, data: { name: "Nyt Navn" } });
    const labels = async () =>
      Object.fromEntries((await prisma.auditLog.findMany({ where: { actorUserId: admin.id } })).map((e) => [e.entityType, e.entityLabel]));
    expect(await labels()).toEqual({
      Cohort: `${cohort.name} (${programme.title})`,
      Programme: programme.title,
      Enrolment: `${enrolment.person.name}, ${cohort.name}`,
      User: "Anne Admin",
    });

    session.userId = admin.id;
    try {
      const { default: AuditLogPage } = await import("@/app/admin/logbog/page");
      const html = renderToStaticMarkup(await AuditLogPage({ searchParams: Promise.resolve({}) }));
      for (const shown of [`Hold: ${cohort.name} (${programme.title})`, `Uddannelse: ${programme.title}`, `Tilmelding: ${enrolment.person.name}, ${cohort.name}`]) expect(html).toContain(shown);
      expect(html).not.toContain(`…${cohort.id.slice(-8)}`);
    } finally {
      session.userId = null;
    }

    // An anonymised person's name leaves the labels; the entries stay.
    await prisma.$transaction((tx) => anonymisePeople(tx, [enrolment.personId], new Date()));
    expect((await labels()).Enrolment).toBeNull();
    expect(await prisma.auditLog.count({ where: { actorUserId: admin.id } })).toBe(4);
    // A deleted enrolment's too.
    const [other] = await createParticipants(prisma, cohort.id, 1);
    await prisma.$transaction((tx) => audit(tx, { actorLabel: "system", action: "enrolment.updated", entityType: "Enrolment", entityId: other! }));
    expect((await prisma.auditLog.findFirstOrThrow({ where: { entityId: other! } })).entityLabel).toMatch(/^Deltager .*, Omdøbt hold$/);
    await prisma.enrolment.delete({ where: { id: other! } });
    expect((await prisma.auditLog.findFirstOrThrow({ where: { entityId: other! } })).entityLabel).toBeNull();
  });
});
