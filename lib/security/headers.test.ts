import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hashedContentSecurityPolicy } from "./headers";

describe("contentSecurityPolicy", () => {
  it("allows only nonce'd scripts, no framing, no plugins, same-origin forms", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "upgrade-insecure-requests"]) {
      expect(csp).toContain(d);
    }
  });

  it("allows eval only in development, and no upgrade on plain http", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("hashedContentSecurityPolicy", () => {
  it("allows the page's own files and exactly the hashed inline scripts, never inline or eval", () => {
    const csp = hashedContentSecurityPolicy(["'sha256-AAA='", "'sha256-BBB='"], { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(csp).not.toContain("strict-dynamic");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it("with no hashes allows no inline script at all", () => {
    expect(hashedContentSecurityPolicy([], { dev: false, https: true })).toMatch(/script-src 'self';/);
  });
});
