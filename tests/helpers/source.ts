// Reading the project's own source for the tests that check its structure (tests/architecture.test.ts,
// lib/public-cache/html-only.test.ts): which files there are and what each imports.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** The TypeScript files below `dir` (relative to the root), tests and generated code left out. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.(ts|tsx)$/.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

/**
 * What a file (relative to the root) imports or re-exports, as written: `from "…"` and bare
 * `import "…"`. `types: false` leaves out `import type`, which brings no code along.
 */
export function importsOf(file: string, opts: { types?: boolean } = {}): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)) {
    if (opts.types === false && /^\s*import\s+type\b/.test(m[0])) continue;
    found.push((m[1] ?? m[2])!);
  }
  return found;
}
