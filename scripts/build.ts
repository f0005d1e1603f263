import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * What `next build` does not read. Everything else in the project counts: a change to any other file
 * (proxy.ts, tsconfig.json, package-lock.json, .env, a new top-level folder…) makes the build stale.
 * A list of exclusions, not of inclusions, so a file the build starts to read is never forgotten.
 */
const NOT_READ_BY_THE_BUILD = {
  /** Folders anywhere in the tree: dependencies (package-lock.json stands for them), outputs, data. */
  dirs: new Set(["node_modules", ".git", ".data", "test-results", "playwright-report", "blob-report", "coverage", "bench-results"]),
  /** Top-level folders of tests, benchmarks, CI and scripts that the app never imports. */
  topDirs: new Set(["e2e", "tests", "bench", ".ci", "scripts"]),
  /** Build outputs (".next", ".next-<name>") and files written by the build or tools. */
  isOutput: (name: string) => name === ".next" || name.startsWith(".next-") || name === "next-env.d.ts" || name.endsWith(".tsbuildinfo"),
  /** Tests, docs and tool configs beside the code. */
  isNotSource: (name: string) =>
    /\.test\.tsx?$/.test(name) ||
    /\.md$/i.test(name) ||
    /^(vitest|playwright|eslint)\.config\.[cm]?[jt]s$/.test(name) ||
    name === ".gitignore" ||
    name === ".env.example",
};

/** The newest modification time of a file the build reads, under `dir`. */
export function newestSourceMtime(root: string, rel = ""): number {
  const dir = path.join(root, rel);
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (NOT_READ_BY_THE_BUILD.isOutput(name)) continue;
    const child = path.join(rel, name);
    if (entry.isDirectory()) {
      if (NOT_READ_BY_THE_BUILD.dirs.has(name) || (rel === "" && NOT_READ_BY_THE_BUILD.topDirs.has(name))) continue;
      // A folder's own time changes when a file in it is deleted or renamed.
      newest = Math.max(newest, fs.statSync(path.join(root, child)).mtimeMs, newestSourceMtime(root, child));
    } else if (!NOT_READ_BY_THE_BUILD.isNotSource(name)) {
      newest = Math.max(newest, fs.statSync(path.join(root, child)).mtimeMs);
    }
  }
  return newest;
}

/** True when there is no production build or a file the build reads is newer than it. */
export function buildIsStale(root = process.cwd(), distDir = process.env.NEXT_DIST_DIR || ".next"): boolean {
  const marker = path.resolve(root, distDir, "BUILD_ID");
  if (!fs.existsSync(marker)) return true;
  return newestSourceMtime(root) > fs.statSync(marker).mtimeMs;
}

/** Runs `next build` when the build is missing or stale; exits the process if it fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  const r = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
