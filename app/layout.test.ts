import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The root layout wraps the cached public pages, which are rendered once for everybody: it must not
// read the visitor's request, cookies or session, or one visitor's footer would be served to others.
const reads = vi.hoisted(() => ({ request: 0, session: 0 }));
vi.mock("next/headers", () => ({
  headers: async () => {
    reads.request++;
    return new Headers();
  },
  cookies: async () => {
    reads.request++;
    return { getAll: () => [{ name: "next-auth.session-token", value: "x" }] };
  },
}));
vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("@/lib/env", () => ({ env: () => ({ APP_URL: "http://localhost:3000" }) }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => {
    reads.session++;
    return { id: "u1", email: "a@stillads.invalid", name: "A", role: "ADMIN" };
  },
}));

const { default: RootLayout } = await import("./layout");

describe("the root layout", () => {
  it("is the same for everybody: it reads no request, cookie or session, and offers to sign in", async () => {
    const html = renderToStaticMarkup(await RootLayout({ children: createElement("main", null, "Indhold") }));
    const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? "";
    expect(footer).toContain('<a href="/log-ind">Log ind</a>');
    expect(footer).not.toContain("Administration");
    expect(reads).toEqual({ request: 0, session: 0 });
  });
});
