import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { currentTestDb } from "@/tests/helpers/test-db";

// The authorization matrix for every server action and route handler of the admin area: they are
// found on disk, so a new one is covered the moment it exists. Anonymous callers are sent to sign in,
// a signed-in role without the permission gets 403, and neither changes anything.

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
