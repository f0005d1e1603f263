import { describe, expect, it } from "vitest";
import { currentTestDb } from "@/tests/helpers/test-db";
import { hashPassword } from "./passwords";
import { can, PERMISSIONS } from "./permissions";
import { UserUpdateSchema } from "../users/schemas";
import { updateUser } from "../users/service";
import { accountFailureKey, addressFailureKey } from "./lockout";
import { userOfSession } from "./session";
import { lockedOutEmails, MAX_FAILED_LOGINS, verifyLogin } from "./users";

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

  it("limits failed attempts per address across accounts", async () => {
    await user("a4@stillads.invalid");
    for (let i = 0; i < 20; i++) expect((await verifyLogin(`x${i}@stillads.invalid`, "x", "4.4.4.4", T0)).ok).toBe(false);
    expect(await verifyLogin("a4@stillads.invalid", "korrekt-hest-batteri", "4.4.4.4", T0)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await verifyLogin("a4@stillads.invalid", "korrekt-hest-batteri", "4.4.4.5", T0)).ok).toBe(true);
  });

  it("counts only failures: an office signing in all day behind one address is never held up", async () => {
    const u = await user("office@stillads.invalid");
    for (let i = 0; i < 30; i++) expect((await verifyLogin(u.email, "korrekt-hest-batteri", "5.5.5.5", T0)).ok).toBe(true);
    expect(await prisma.rateLimitBucket.count({ where: { key: { in: [addressFailureKey("5.5.5.5"), accountFailureKey(u.email)] } } })).toBe(0);
  });

  it("answers an unknown e-mail exactly as a real one: locked after five failures", async () => {
    const u = await user("real@stillads.invalid");
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) out.push((await verifyLogin(email, "forkert", `6.6.${i}.1`, T0)) as { reason?: string });
      return out.map((r) => r.reason);
    };
    const real = await answers(u.email);
    expect(real).toEqual(["INVALID", "INVALID", "INVALID", "INVALID", "LOCKED", "LOCKED"]);
    expect(await answers("ingen-konto@stillads.invalid")).toEqual(real);
  });

  it("counts every one of many parallel wrong guesses (one atomic statement per failure)", async () => {
    const u = await user("parallel@stillads.invalid");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyLogin(u.email, `gæt-${i}`, `7.7.7.${i}`, T0)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const bucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: accountFailureKey(u.email) } });
    expect(bucket.count).toBe(12);
    expect(await verifyLogin(u.email, "korrekt-hest-batteri", "7.7.8.1", T0)).toEqual({ ok: false, reason: "LOCKED" });
  });
});

describe("sessions", () => {
  it("end when the user's password, role or access changes, and not on other edits", async () => {
    const boss = await user("boss@stillads.invalid");
    const u = await user("s@stillads.invalid", "COORDINATOR");
    const signedIn = await verifyLogin(u.email, "korrekt-hest-batteri", "8.8.8.8", T0);
    if (!signedIn.ok) throw new Error("sign-in failed");
    const session = { userId: u.id, sessionVersion: signedIn.user.sessionVersion };
    expect(await userOfSession(session)).toMatchObject({ id: u.id, role: "COORDINATOR" });

    const edit = (over: Record<string, unknown>) => updateUser(u.id, UserUpdateSchema.parse({ name: "U", role: "COORDINATOR", active: "on", ...over }), [], boss.id);
    await edit({ name: "Nyt navn" });
    expect(await userOfSession(session)).toMatchObject({ name: "Nyt navn" });

    for (const change of [{ password: "et-helt-nyt-kodeord" }, { role: "TEACHER" }, { active: "" }]) {
      const before = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
      const current = { userId: u.id, sessionVersion: before.sessionVersion };
      await edit({ ...(before.role === "TEACHER" ? { role: "TEACHER" } : {}), ...change });
      expect(await userOfSession(current)).toBeNull();
    }
    // A session signed in before any of it stays ended even after the user is re-enabled.
    await edit({ role: "TEACHER", active: "on" });
    expect(await userOfSession(session)).toBeNull();
  });

  it("a password reset lifts a lockout", async () => {
    const boss = await user("boss2@stillads.invalid");
    const u = await user("locked@stillads.invalid", "COORDINATOR");
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await verifyLogin(u.email, "forkert", "9.9.9.9", T0);
    expect(await lockedOutEmails([u.email, boss.email], T0)).toEqual(new Set([u.email]));
    await updateUser(u.id, UserUpdateSchema.parse({ name: "U", role: "COORDINATOR", active: "on", password: "et-helt-nyt-kodeord" }), [], boss.id);
    expect((await verifyLogin(u.email, "et-helt-nyt-kodeord", "9.9.9.8", T0)).ok).toBe(true);
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
