import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "ADMIN" }, cookie: false, fail: false }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => (session.cookie ? [{ name: "next-auth.session-token", value: "x" }] : []) }),
}));
vi.mock("@/lib/env", () => ({ env: () => ({ APP_URL: "http://localhost:3000" }) }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => {
    if (session.fail) throw new Error("NO_SECRET");
    return session.user;
  },
}));

const { default: RootLayout } = await import("./layout");

async function footer(): Promise<string> {
  const html = renderToStaticMarkup(await RootLayout({ children: createElement("main", null, "Indhold") }));
  return /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? "";
}

describe("the site footer", () => {
  beforeEach(() => {
    session.user = null;
    session.cookie = false;
    session.fail = false;
  });

  it("offers to sign in to visitors", async () => {
    const html = await footer();
    expect(html).toContain('href="/log-ind"');
    expect(html).not.toContain("Administration");
  });

  it("leads signed-in staff to the administration instead of offering to sign in", async () => {
    session.user = { id: "u1", email: "a@stillads.invalid", name: "A", role: "ADMIN" };
    session.cookie = true;
    const html = await footer();
    expect(html).toContain('<a href="/admin">Administration</a>');
    expect(html).not.toContain("Log ind");
  });

  it("does not look for a session without a session cookie, and survives a session that cannot be read", async () => {
    session.user = { id: "u1", email: "a@stillads.invalid", name: "A", role: "ADMIN" };
    expect(await footer()).toContain('href="/log-ind"');
    session.cookie = true;
    session.fail = true;
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await footer()).toContain('href="/log-ind"');
  });
});
