// An e2e web server, the README's `npm start` path on a database and mail folder of its own:
//   tsx e2e/serve.ts embedded PORT   a fresh embedded database in .data/e2e-PORT
//   tsx e2e/serve.ts server PORT     a fresh database on the PostgreSQL server named by DATABASE_URL
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/scratch";

const [kind = "embedded", port = "3210"] = process.argv.slice(2);
const mailDir = path.resolve(`.data/e2e-${port}-mail`);
fs.rmSync(mailDir, { recursive: true, force: true });
const env: Record<string, string> = {
  PORT: port,
  APP_URL: `http://127.0.0.1:${port}`,
  // Mail goes to .eml files the specs read (e2e/mail.ts); jobs run every second.
  SMTP_URL: "",
  MAIL_DIR: mailDir,
  STILLADS_JOBS_INTERVAL_MS: "1000",
  // Every browser of the run comes from 127.0.0.1, and the rate limits key on the connection's address:
  // the whole suite enrols far more than 20 people within the limit's 10 minutes. The limit itself is
  // tested in tests/fuzz/public-entry-points.fuzz.integration.test.ts.
  RATE_LIMIT_ENROL_PER_IP: "10000",
};

if (kind === "server") {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("e2e against a server needs DATABASE_URL");
  env.DATABASE_URL = (await createScratchDatabase(base, { name: `stillads_e2e_${port}` })).url;
  // A scratch database: the demo staff the specs sign in as are wanted here.
  env.STILLADS_SEED_DEMO = "1";
} else {
  const dataDir = path.resolve(`.data/e2e-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  env.PGLITE_DATA_DIR = dataDir;
  env.DATABASE_URL = "";
}

const r = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { stdio: "inherit", env: { ...process.env, ...env } });
process.exit(r.status ?? 1);
