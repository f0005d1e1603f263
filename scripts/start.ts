// npm start — the quick start: migrate and seed the configured database (embedded by default), build
// the app when the build is missing or older than the sources, and serve it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { loadDotEnvFiles } from "../lib/env";
import { ensureBuild } from "./build";

loadDotEnvFiles();
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
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
};
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Refuse before touching the database when the port is taken: most likely Stillads is already
// running, and the embedded database must not be opened by a second process.
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

run(bin("tsx"), ["scripts/db.ts", "migrate"]);
if (process.env.SEED_ON_START !== "false") run(bin("tsx"), ["prisma/seed.ts"]);
ensureBuild();
console.log(`\nStillads: http://localhost:${port}/uddannelser/kommunernes-implementeringsuddannelse\n`);
run(process.execPath, ["--import", "tsx", "scripts/serve.ts"]);
