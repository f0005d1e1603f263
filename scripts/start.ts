// npm start — the quick start: migrate the configured database (embedded by default), seed the demo
// data where that is safe, build the app when the build is missing or older than the sources, and
// serve it. `npm start -- --prepare-only` stops after migrating and seeding.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { lockDataDir, LOCK_HOLDER_ENV } from "../lib/db/adapter";
import { resolveDbTarget } from "../lib/db/target";
import { loadDotEnvFiles, readServerEnv } from "../lib/env";
import { seedOnStart } from "../prisma/seed/guard";
import { ensureBuild } from "./build";

loadDotEnvFiles();
const prepareOnly = process.argv.includes("--prepare-only");
const port = process.env.PORT ?? "3000";

// Sessions are signed with NEXTAUTH_SECRET. A real deployment sets it (the same in every instance);
// for the local quick start one is made once and kept beside the embedded data.
function localSecret(): string {
  const file = path.resolve(".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
};
const bin = (name: string) => path.resolve("node_modules/.bin", name);

// Every setting is checked before anything is touched, as the server will check it (it runs with
// NODE_ENV=production): a typo stops here with the variable's name.
try {
  readServerEnv({ ...env, NODE_ENV: "production" });
} catch (err) {
  console.error(`Stillads cannot start. ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Refuse before touching the database when the port is taken: most likely Stillads is already running.
if (!prepareOnly) {
  await new Promise<void>((resolve) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      console.error(
        err.code === "EADDRINUSE"
          ? `Port ${port} is already in use — is Stillads already running? Stop it, or choose another port with PORT=…`
          : `Cannot listen on port ${port}: ${err.message}`,
      );
      process.exit(1);
    });
    probe.listen(Number(port), () => probe.close(() => resolve()));
  });
}

// The embedded database belongs to one process. This process takes its lock before migrating and
// holds it until the server has stopped; the steps it runs (migrate, seed, the server) open the
// database on its behalf. A second `npm start` on the same folder, on any port, stops here.
const target = resolveDbTarget();
if (target.kind === "embedded" && !target.dataDir.startsWith("memory://")) {
  try {
    fs.mkdirSync(target.dataDir, { recursive: true });
    lockDataDir(target.dataDir);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  env[LOCK_HOLDER_ENV] = String(process.pid);
}

run(bin("tsx"), ["scripts/db.ts", "migrate"]);
// Demo users have published passwords: seeded by default only into the embedded database, on a
// server only when asked (STILLADS_SEED_DEMO=1 or npm run db:seed).
if (seedOnStart(target, env)) run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
else if (target.kind === "server") console.log("Not seeding the demo data on a PostgreSQL server (STILLADS_SEED_DEMO=1 or npm run db:seed does).");
if (prepareOnly) process.exit(0);
ensureBuild();
console.log(`\nStillads: http://localhost:${port}/uddannelser/kommunernes-implementeringsuddannelse\n`);

// The server (scripts/serve.ts) stops itself on SIGINT/SIGTERM, closing the database first
// (lib/shutdown.ts). Ctrl-C reaches it directly; a signal sent to this process alone is passed on.
// This process stays until the server has exited, so the lock is held as long as the database is open.
// (node --import tsx, not the tsx command: that one SIGKILLs a child slow to answer a signal.)
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
