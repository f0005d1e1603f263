import { describe, expect, it } from "vitest";
import { currentTestDb } from "@/tests/helpers/test-db";
import { hashPassword } from "./passwords";
import { can, PERMISSIONS } from "./permissions";
import { MAX_FAILED_LOGINS, verifyLogin } from "./users";

const { prisma } = currentTestDb();
const T0 = new Date("2026-11-27T10:00:00Z");

async function user(email: string, role: "ADMIN" | "COORDINATOR" | "TEACHER" = "ADMIN") {
  return prisma.user.create({ data: { email, name: "U", role, passwordHash: await hashPassword("korrekt-hest-batteri") } });
}

describe("verifyLogin", () => {
  it("accepts the right password, in any letter case of the e-mail, and stores only a hash", async () => {
    const u = await user("a@stillads.invalid");
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const r = await verifyLogin(" A@Stillads.invalid ", "korrekt-hest-batteri", "1.1.1.1", T0);
    expect(r).toMatchObject({ ok: true, user: { id: u.id, role: "ADMIN" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt).toEqual(T0);
  });

  it("locks the account after five wrong passwords, even for the right one, until the lock expires", async () => {
    const u = await user("b@stillads.invalid");
    const results = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) results.push((await verifyLogin(u.email, "forkert", `2.2.2.${i}`, T0)).ok ? "ok" : "no");
    expect(results).toEqual(["no", "no", "no", "no", "no"]);
    expect(await verifyLogin(u.email, "korrekt-hest-batteri", "2.2.2.9", T0)).toEqual({ ok: false, reason: "LOCKED" });
    const later = new Date(T0.getTime() + 16 * 60_000);
    expect((await verifyLogin(u.email, "korrekt-hest-batteri", "2.2.2.9", later)).ok).toBe(true);
  });

  it("refuses unknown and disabled users the same way", async () => {
    const u = await user("c@stillads.invalid");
    await prisma.user.update({ where: { id: u.id }, data: { disabledAt: T0 } });
    expect(await verifyLogin(u.email, "korrekt-hest-batteri", "3.3.3.3", T0)).toEqual({ ok: false, reason: "INVALID" });
    expect(await verifyLogin("ingen@stillads.invalid", "x", "3.3.3.3", T0)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("limits attempts per address across accounts", async () => {
    const outcomes = [];
    for (let i = 0; i < 21; i++) outcomes.push((await verifyLogin(`x${i}@stillads.invalid`, "x", "4.4.4.4", T0)).ok === false && "refused");
    expect(await verifyLogin("a@stillads.invalid", "korrekt-hest-batteri", "4.4.4.4", T0)).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });
});

describe("roles", () => {
  it("give admins everything, coordinators no user or programme administration, teachers only reading", () => {
    expect(PERMISSIONS.every((p) => can("ADMIN", p))).toBe(true);
    expect(can("COORDINATOR", "enrolment:update")).toBe(true);
    expect(can("COORDINATOR", "user:manage")).toBe(false);
    expect(can("COORDINATOR", "programme:update")).toBe(false);
    expect(PERMISSIONS.filter((p) => can("TEACHER", p))).toEqual(["dashboard:read", "cohort:read", "enrolment:read", "attendance:read"]);
  });
});
