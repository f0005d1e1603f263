// npm start — the quick start: migrate and seed the configured database (embedded by default), build
// the app when the build is missing or older than the sources, and serve it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadDotEnvFiles } from "../lib/env";

loadDotEnvFiles();
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs
    .readdirSync(p)
    .filter((n) => n !== "generated")
    .reduce((max, n) => Math.max(max, newestMtime(path.join(p, n))), st.mtimeMs);
}

function buildIsStale(): boolean {
  const marker = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.js", "package.json", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(path.resolve(s)) > built);
}

run(bin("tsx"), ["scripts/db.ts", "migrate"]);
if (process.env.SEED_ON_START !== "false") run(bin("tsx"), ["prisma/seed.ts"]);
if (buildIsStale()) run(bin("next"), ["build"]);
console.log(`\nStillads: http://localhost:${port}/uddannelser/kommunernes-implementeringsuddannelse\n`);
run(bin("next"), ["start", "-p", port]);
