// npm start — the quick start: migrate and seed the configured database (embedded by default), build
// the app when the build is missing or older than the sources, and serve it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadDotEnvFiles } from "../lib/env";
import { ensureBuild } from "./build";

loadDotEnvFiles();
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(bin("tsx"), ["scripts/db.ts", "migrate"]);
if (process.env.SEED_ON_START !== "false") run(bin("tsx"), ["prisma/seed.ts"]);
ensureBuild();
console.log(`\nStillads: http://localhost:${port}/uddannelser/kommunernes-implementeringsuddannelse\n`);
run(bin("next"), ["start", "-p", port]);
