import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs
    .readdirSync(p)
    .filter((n) => n !== "generated")
    .reduce((max, n) => Math.max(max, newestMtime(path.join(p, n))), st.mtimeMs);
}

/** True when there is no production build or a source is newer than it. */
export function buildIsStale(): boolean {
  const marker = path.resolve(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "package.json", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(path.resolve(s)) > built);
}

/** Runs `next build` when the build is missing or stale; exits the process if it fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  const r = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
