import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withoutScripts } from "./html-only";
import { isHtmlOnlyPath } from "./routes";
import { importsOf, ROOT } from "@/tests/helpers/source";

describe("a page served as HTML only", () => {
  it("loses every script that runs and every script hint, and keeps its JSON-LD, styles and text", () => {
    const html =
      '<!DOCTYPE html><html lang="da"><head><meta charSet="utf-8"/><style data-precedence="next">h1{color:red}</style>' +
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
      '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>' +
      '<script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script>' +
      '<link rel="icon" href="/icon.svg"/></head><body><main><h1>Kommunernes implementeringsuddannelse</h1>' +
      '<script type="application/ld+json">{"@type":"Course","name":"KIU"}</script>' +
      '<a href="/uddannelser/kiu/hold/h/tilmelding">Tilmeld</a></main>' +
      '<script id="_R_">self.__next_r="x"</script><script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
      '<script>self.__next_f.push([1,"\\u003c/script\\u003e tekst"])</script></body></html>';
    const out = withoutScripts(html);
    expect(out).toBe(
      '<!DOCTYPE html><html lang="da"><head><meta charSet="utf-8"/><style data-precedence="next">h1{color:red}</style>' +
        '<link rel="icon" href="/icon.svg"/></head><body><main><h1>Kommunernes implementeringsuddannelse</h1>' +
        '<script type="application/ld+json">{"@type":"Course","name":"KIU"}</script>' +
        '<a href="/uddannelser/kiu/hold/h/tilmelding">Tilmeld</a></main></body></html>',
    );
  });
});

// The pages served without scripts must hold no client component: one would silently never hydrate.
// Follows every project import of each page (and the root layout) and fails on a "use client" module.
const HTML_ONLY_PAGES: Record<string, string> = {
  "/": "app/(public)/page.tsx",
  "/privatliv": "app/(public)/privatliv/page.tsx",
  "/tilgaengelighed": "app/(public)/tilgaengelighed/page.tsx",
  "/uddannelser/kommunernes-implementeringsuddannelse": "app/(public)/uddannelser/[slug]/page.tsx",
};

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: Next.js's own client code is not what this guards
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.(ts|tsx)$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null; // CSS, JSON and the like
}

function clientModulesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const client: string[] = [];
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = path.relative(ROOT, file);
    if (/^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(fs.readFileSync(file, "utf8"))) client.push(rel);
    for (const spec of importsOf(rel, { types: false })) {
      const next = resolveImport(file, spec);
      if (next) queue.push(next);
    }
  }
  return client;
}

describe("the pages served as HTML only", () => {
  it.each(Object.entries(HTML_ONLY_PAGES))("%s is one of them and reaches no client component", (url, file) => {
    expect(isHtmlOnlyPath(url)).toBe(true);
    expect(clientModulesReachedFrom(file)).toEqual([]);
    expect(clientModulesReachedFrom("app/layout.tsx")).toEqual([]);
  });

  it("the guard finds a client component where there is one", () => {
    expect(clientModulesReachedFrom("app/(public)/uddannelser/[slug]/hold/[cohort]/tilmelding/page.tsx").length).toBeGreaterThan(0);
    expect(isHtmlOnlyPath("/uddannelser/kiu/hold/h/tilmelding")).toBe(false);
  });
});
