import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FormError } from "../errors";

// The actions' common path with its surroundings replaced: who was asked, what ran, what was revalidated.
const calls = vi.hoisted(() => [] as string[]);
const allowed = vi.hoisted(() => ({ permission: true, rate: true }));
vi.mock("../auth/session", () => ({
  requirePermission: vi.fn(async (permission: string, page: string) => {
    calls.push(`permission ${permission} ${page}`);
    if (!allowed.permission) throw new Error("NEXT_HTTP_ERROR_FALLBACK;403");
    return { id: "u1" };
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn((path: string, type?: string) => calls.push(`revalidate ${path}${type ? ` ${type}` : ""}`)) }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  }),
}));
vi.mock("next/server", () => ({ after: vi.fn(() => calls.push("kick")) }));
vi.mock("../jobs", () => ({ kickJobs: vi.fn() }));
vi.mock("../rate-limit", () => ({ consumeRateLimit: vi.fn(async (key: string) => (calls.push(`limit ${key}`), { allowed: allowed.rate })) }));
vi.mock("./client-ip", () => ({ clientIp: vi.fn(async () => "203.0.113.5") }));

const { adminAction, adminForm, limitedForm } = await import("./form-action");

const Schema = z.object({ name: z.string().trim().min(1, "Skriv et navn") });
const spec = { permission: "venue:update", page: "/admin/steder/v1" } as const;

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

beforeEach(() => {
  calls.length = 0;
  allowed.permission = true;
  allowed.rate = true;
});

describe("adminForm", () => {
  it("checks the permission before it reads the form, and runs nothing without it", async () => {
    allowed.permission = false;
    const work = vi.fn(async () => "gemt");
    await expect(adminForm(form({ name: "Ida" }), { ...spec, schema: Schema }, work)).rejects.toThrow("403");
    expect(work).not.toHaveBeenCalled();
    expect(calls).toEqual(["permission venue:update /admin/steder/v1"]);
  });

  it("runs the work with the parsed data and the user, says the spec's message and revalidates the pages", async () => {
    const work = vi.fn(async () => ({ id: "r1" }));
    const state = await adminForm(form({ name: " Ida " }), { ...spec, schema: Schema, revalidate: ["/uddannelser/[slug]"], message: "Gemt." }, work);
    expect(work).toHaveBeenCalledWith({ name: "Ida" }, { id: "u1" });
    expect(state).toEqual({ ok: true, data: null, message: "Gemt." });
    expect(calls).toEqual(["permission venue:update /admin/steder/v1", "revalidate /admin/steder/v1", "revalidate /uddannelser/[slug] page"]);
  });

  it("refuses bad input with field messages and still revalidates the form's page", async () => {
    const work = vi.fn(async () => "gemt");
    const state = await adminForm(form({ name: " " }), { ...spec, schema: Schema }, work);
    expect(work).not.toHaveBeenCalled();
    expect(state).toEqual({ ok: false, message: "Ret de markerede felter.", fieldErrors: { name: "Skriv et navn" }, values: { name: " " } });
    expect(calls.at(-1)).toBe("revalidate /admin/steder/v1");
  });

  it("goes to the work's page only once it has succeeded, after kicking the mail", async () => {
    await expect(adminForm(form({ name: "Ida" }), { ...spec, schema: Schema, kick: true }, async () => ({ redirect: "/admin/steder/v2" }))).rejects.toThrow(
      "NEXT_REDIRECT /admin/steder/v2",
    );
    expect(calls.slice(-2)).toEqual(["revalidate /admin/steder/v1", "kick"]);

    calls.length = 0;
    const refused = await adminForm(form({ name: "Ida" }), { ...spec, schema: Schema, kick: true }, async () => {
      throw new FormError("Navnet er taget.");
    });
    expect(refused).toMatchObject({ ok: false, message: "Navnet er taget.", values: { name: "Ida" } });
    expect(calls).not.toContain("kick");
  });
});

describe("adminAction", () => {
  it("takes no input and returns the work's own message", async () => {
    const state = await adminAction(spec, async (user) => `Hej ${user.id}`);
    expect(state).toEqual({ ok: true, data: null, message: "Hej u1" });
  });
});

describe("limitedForm", () => {
  const limit = { name: "test", max: 5, message: "For mange." };

  it("refuses bad input before it counts against the address's limit", async () => {
    const state = await limitedForm(form({ name: "" }), Schema, limit, async () => "gemt");
    expect(state).toMatchObject({ ok: false, fieldErrors: { name: "Skriv et navn" } });
    expect(calls).toEqual([]);
  });

  it("says the limit's message past it, keeping the values, and runs nothing", async () => {
    allowed.rate = false;
    const work = vi.fn(async () => "gemt");
    expect(await limitedForm(form({ name: "Ida" }), Schema, limit, work)).toEqual({ ok: false, message: "For mange.", values: { name: "Ida" } });
    expect(work).not.toHaveBeenCalled();
    expect(calls).toEqual(["limit test:ip:203.0.113.5"]);
  });

  it("runs a form without a schema and goes to its page", async () => {
    await expect(limitedForm(form({}), null, limit, async () => ({ redirect: "/tak" }), { kick: true })).rejects.toThrow("NEXT_REDIRECT /tak");
    expect(calls).toEqual(["limit test:ip:203.0.113.5", "kick"]);
  });
});
