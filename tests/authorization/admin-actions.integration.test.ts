import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { currentTestDb } from "@/tests/helpers/test-db";

// The authorization matrix for every server action and route handler of the admin area: they are
// found on disk, so a new one is covered the moment it exists. Anonymous callers are sent to sign in,
// a signed-in role without the permission gets 403, and neither changes anything. Below it, the
// admin forms' shared path as a signed-in admin meets it.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (orig) => ({
  ...(await orig<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.userId ? { userId: session.userId } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), after: vi.fn() }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const { prisma } = currentTestDb();
const root = path.resolve(__dirname, "../..");
const adminDir = path.join(root, "app/admin");

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesNamed(p, name) : d.name === name ? [p] : [];
  });
}

const actionModules = import.meta.glob("/app/admin/**/actions.ts");
const routeModules = import.meta.glob("/app/admin/**/route.ts");

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "allowed";
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? (e as Error).message);
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/log-ind")) return "sign-in";
    if (digest.endsWith(";403")) return "403";
    return `error: ${digest}`;
  }
}

let teacherId = "";
let coordinatorId = "";
beforeAll(async () => {
  teacherId = (await prisma.user.create({ data: { email: "t@stillads.invalid", name: "T", role: "TEACHER", passwordHash: "x" } })).id;
  coordinatorId = (await prisma.user.create({ data: { email: "k@stillads.invalid", name: "K", role: "COORDINATOR", passwordHash: "x" } })).id;
});

describe("admin pages registry", () => {
  it("lists every page file of the admin area", () => {
    const onDisk = filesNamed(adminDir, "page.tsx")
      .map((f) => "/" + path.relative(path.join(root, "app"), path.dirname(f)).split(path.sep).join("/"))
      .sort();
    expect(onDisk).toEqual(Object.keys(ADMIN_PAGES).sort());
  });
});

describe("admin server actions and route handlers", () => {
  it("are found on disk", () => {
    expect(Object.keys(actionModules).length).toBe(filesNamed(adminDir, "actions.ts").length);
    expect(Object.keys(actionModules).length).toBeGreaterThan(0);
    expect(Object.keys(routeModules).length).toBe(filesNamed(adminDir, "route.ts").length);
  });

  it("send anonymous callers to sign in and refuse teachers, changing nothing", async () => {
    const auditBefore = await prisma.auditLog.count();
    const cohortsBefore = await prisma.cohort.count();
    const results: Record<string, { anonymous: string; teacher: string }> = {};
    const all = { ...actionModules, ...routeModules };
    for (const [file, load] of Object.entries(all)) {
      const mod = (await load()) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const call = () => (fn as (...a: unknown[]) => Promise<unknown>)("x", "y", null, new FormData());
        session.userId = null;
        const anonymous = await outcome(call);
        session.userId = teacherId;
        const teacher = await outcome(call);
        results[`${file}#${name}`] = { anonymous, teacher };
      }
    }
    session.userId = null;
    expect(Object.keys(results).length).toBeGreaterThanOrEqual(4);
    for (const [key, r] of Object.entries(results)) {
      expect({ key, ...r }).toEqual({ key, anonymous: "sign-in", teacher: "403" });
    }
    expect(await prisma.auditLog.count()).toBe(auditBefore);
    expect(await prisma.cohort.count()).toBe(cohortsBefore);
  });

  it("let a coordinator through the check to the input validation", async () => {
    const { createCohortAction } = await import("@/app/admin/hold/actions");
    session.userId = coordinatorId;
    const r = await createCohortAction(null, new FormData());
    session.userId = null;
    expect(r).toMatchObject({ ok: false, message: "Ret de markerede felter." });
  });
});

function form(entries: Array<[string, string]>): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

async function redirectTarget(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw e;
  }
  throw new Error("expected a redirect");
}

// The admin actions through their one form path (lib/http/run-action.ts runForm), as the browser
// posts them: what goes back to the form, and what is stored.
describe("admin forms", () => {
  let adminId = "";
  beforeAll(async () => {
    adminId = (await prisma.user.create({ data: { email: "admin-forms@stillads.invalid", name: "A", role: "ADMIN", passwordHash: "x" } })).id;
  });
  beforeEach(() => {
    session.userId = adminId;
  });
  afterEach(() => {
    session.userId = null;
  });

  describe("user forms", () => {
    it("never send a password back, whether the schema or the database refuses", async () => {
      const { createUserAction } = await import("@/app/admin/brugere/actions");
      const before = await prisma.user.count();
      const short = await createUserAction(null, form([["email", "ny@kommune.dk"], ["name", "Ny"], ["role", "TEACHER"], ["password", "kort"]]));
      expect(short).toMatchObject({ ok: false, fieldErrors: { password: "Adgangskoden skal være mindst 12 tegn" }, values: { email: "ny@kommune.dk", password: "" } });

      const taken = (await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).email;
      const duplicate = await createUserAction(null, form([["email", taken], ["name", "Ny"], ["role", "TEACHER"], ["password", "en-lang-nok-kode"]]));
      expect(duplicate).toMatchObject({ ok: false, fieldErrors: { email: "Der findes allerede en bruger med denne e-mail" }, values: { name: "Ny", password: "" } });
      expect(JSON.stringify(duplicate)).not.toContain("en-lang-nok-kode");
      expect(await prisma.user.count()).toBe(before);
    });

    it("store a teacher's cohorts from the form's checkboxes", async () => {
      const { createUserAction, updateUserAction } = await import("@/app/admin/brugere/actions");
      const a = (await createCohortFixture(prisma)).cohort;
      const b = (await createCohortFixture(prisma)).cohort;
      const target = await redirectTarget(createUserAction(null, form([["email", `laerer-${a.id}@kommune.dk`], ["name", "Lærer"], ["role", "TEACHER"], ["password", "en-lang-nok-kode"]])));
      const userId = target.split("/").pop()!;
      const r = await updateUserAction(userId, null, form([["name", "Lærer"], ["role", "TEACHER"], ["active", "on"], ["password", ""], ["cohorts", a.id], ["cohorts", b.id]]));
      expect(r).toEqual({ ok: true, data: null, message: "Brugeren er gemt." });
      const stored = await prisma.cohortTeacher.findMany({ where: { userId }, select: { cohortId: true } });
      expect(stored.map((s) => s.cohortId).sort()).toEqual([a.id, b.id].sort());
    });
  });

  describe("person search", () => {
    it("says so in Danish when nobody has the e-mail, keeping what was typed", async () => {
      const { findPersonAction } = await import("@/app/admin/personer/actions");
      const r = await findPersonAction(null, form([["email", "ingen@kommune.dk"]]));
      expect(r).toMatchObject({ ok: false, message: "Der er ingen person med denne e-mail.", values: { email: "ingen@kommune.dk" } });
    });
  });

  describe("cohort status", () => {
    it("refuses an unknown status without echoing it and leaves the cohort as it was", async () => {
      const { setCohortStatusAction } = await import("@/app/admin/hold/actions");
      const { cohort } = await createCohortFixture(prisma, { status: "DRAFT" });
      expect(await setCohortStatusAction(cohort.id, null, form([["status", "DELETED"]]))).toEqual({ ok: false, message: "Vælg en gyldig status." });
      expect(await setCohortStatusAction(cohort.id, null, "x" as unknown as FormData)).toEqual({ ok: false, message: "Vælg en gyldig status." });
      expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).status).toBe("DRAFT");
    });
  });

  describe("cohort forms", () => {
    it("answer a crafted field name with field messages, not a crash", async () => {
      const { createCohortAction } = await import("@/app/admin/hold/actions");
      const before = await prisma.cohort.count();
      const r = await createCohortAction(null, form([["sessions.0.moduleId", "m"], ["sessions.length", "abc"], ["__proto__.polluted", "x"]]));
      expect(r).toMatchObject({ ok: false, message: "Ret de markerede felter." });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await prisma.cohort.count()).toBe(before);
    });
  });
});
