import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsStale } from "./build";

// A project tree with a build whose BUILD_ID is older than nothing, then one file touched at a time.
function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-build-"));
  const files = [
    "proxy.ts", "tsconfig.json", "package.json", "package-lock.json", "next.config.js", "instrumentation.ts", ".env",
    "app/page.tsx", "components/x.tsx", "lib/a.ts", "lib/generated/prisma/client.ts", "public/favicon.svg", "prisma/schema.prisma",
    "README.md", "lib/a.test.ts", "e2e/a.spec.ts", "tests/x.ts", "bench/run.ts", "scripts/start.ts", "node_modules/next/index.js",
    ".data/pglite/x", "vitest.config.mts", "playwright.config.ts", "next-env.d.ts", ".git/HEAD", ".next-ops/cache/x", "test-results/x",
  ];
  const past = new Date(Date.now() - 3_600_000);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), "x");
  }
  // Everything, folders included, is older than the build.
  const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [...all(path.join(dir, e.name)), path.join(dir, e.name)] : [path.join(dir, e.name)]));
  for (const p of all(root)) fs.utimesSync(p, past, past);
  fs.mkdirSync(path.join(root, ".next"), { recursive: true });
  fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "b");
  const built = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(root, ".next/BUILD_ID"), built, built);
  const touch = (f: string) => {
    const now = new Date();
    fs.utimesSync(path.join(root, f), now, now);
  };
  return { root, touch };
}

describe("buildIsStale", () => {
  it("is fresh when nothing changed since the build, and stale without a build", () => {
    const { root } = project();
    expect(buildIsStale(root, ".next")).toBe(false);
    expect(buildIsStale(root, ".next-none")).toBe(true);
  });

  it.each(["proxy.ts", "tsconfig.json", "package-lock.json", "next.config.js", ".env", "app/page.tsx", "components/x.tsx", "lib/a.ts", "lib/generated/prisma/client.ts", "public/favicon.svg", "prisma/schema.prisma", "instrumentation.ts"])(
    "is stale after a change to %s",
    (file) => {
      const { root, touch } = project();
      touch(file);
      expect(buildIsStale(root, ".next")).toBe(true);
    },
  );

  it("is stale after a new file in a new top-level folder, or a deleted file", () => {
    const a = project();
    fs.mkdirSync(path.join(a.root, "hooks"));
    fs.writeFileSync(path.join(a.root, "hooks/use-x.ts"), "x");
    expect(buildIsStale(a.root, ".next")).toBe(true);
    const b = project();
    fs.rmSync(path.join(b.root, "lib/a.ts"));
    expect(buildIsStale(b.root, ".next")).toBe(true);
  });

  it.each(["README.md", "lib/a.test.ts", "e2e/a.spec.ts", "tests/x.ts", "bench/run.ts", "scripts/start.ts", "node_modules/next/index.js", ".data/pglite/x", "vitest.config.mts", "playwright.config.ts", "next-env.d.ts", ".git/HEAD", ".next-ops/cache/x", "test-results/x"])(
    "stays fresh after a change to %s, which the build does not read",
    (file) => {
      const { root, touch } = project();
      touch(file);
      expect(buildIsStale(root, ".next")).toBe(false);
    },
  );
});
