import { describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { verifyPassword } from "../auth/passwords";
import { UserCreateSchema, UserUpdateSchema } from "./schemas";
import { UserError, createUser, updateUser } from "./service";

const { prisma } = currentTestDb();

describe("staff users", () => {
  it("are created with a hashed password, given cohorts to teach, disabled, and audited", async () => {
    const boss = await prisma.user.create({ data: { email: "boss@stillads.invalid", name: "Boss", role: "ADMIN", passwordHash: "x" } });
    const { cohort } = await createCohortFixture(prisma);
    const u = await createUser(UserCreateSchema.parse({ email: "Laerer@Kommune.dk", name: "Lærer", role: "TEACHER", password: "et-langt-kodeord" }), boss.id);
    expect(u.email).toBe("laerer@kommune.dk");
    expect(await verifyPassword(u.passwordHash, "et-langt-kodeord")).toBe(true);
    await expect(createUser(UserCreateSchema.parse({ email: "laerer@kommune.dk", name: "X", role: "ADMIN", password: "et-langt-kodeord" }), boss.id)).rejects.toMatchObject({
      fieldErrors: { email: "Der findes allerede en bruger med denne e-mail" },
    });

    await updateUser(u.id, UserUpdateSchema.parse({ name: "Lærer", role: "TEACHER", active: "on" }), [cohort.id], boss.id);
    expect(await prisma.cohortTeacher.count({ where: { userId: u.id, cohortId: cohort.id } })).toBe(1);
    await updateUser(u.id, UserUpdateSchema.parse({ name: "Lærer", role: "COORDINATOR" }), [cohort.id], boss.id);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: u.id }, include: { cohorts: true } });
    expect(after).toMatchObject({ role: "COORDINATOR", cohorts: [] });
    expect(after.disabledAt).toBeInstanceOf(Date);
    expect(await prisma.auditLog.count({ where: { entityId: u.id } })).toBe(3);
  });

  it("never lets an admin lock themselves out", async () => {
    const me = await prisma.user.create({ data: { email: "me@stillads.invalid", name: "Me", role: "ADMIN", passwordHash: "x" } });
    await expect(updateUser(me.id, UserUpdateSchema.parse({ name: "Me", role: "COORDINATOR", active: "on" }), [], me.id)).rejects.toBeInstanceOf(UserError);
    await expect(updateUser(me.id, UserUpdateSchema.parse({ name: "Me", role: "ADMIN" }), [], me.id)).rejects.toBeInstanceOf(UserError);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
  });
});
