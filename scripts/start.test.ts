import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createScratchDatabase } from "../lib/db/scratch";

// `npm start` itself, stopped after migrating and seeding (--prepare-only), in a child process.
function start(env: Record<string, string>, args = ["--prepare-only"]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", NEXTAUTH_SECRET: "", PORT: "3809", ...env },
    encoding: "utf8",
    timeout: 600_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("npm start", () => {
  it("refuses a bad setting before touching anything, naming the variable; TRUSTED_PROXY_HOPS=0 is valid", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-start-"));
    const r = start({ PGLITE_DATA_DIR: path.join(dir, "db"), TRUSTED_PROXY_HOPS: "en" });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Stillads cannot start\. Invalid environment: TRUSTED_PROXY_HOPS \("en"\)/);
    expect(fs.existsSync(path.join(dir, "db"))).toBe(false);
    const short = start({ PGLITE_DATA_DIR: path.join(dir, "db"), NEXTAUTH_SECRET: "for-kort" });
    expect(short.out).toMatch(/NEXTAUTH_SECRET \(set\): must be set to at least 32 characters/);
    expect(short.out).not.toContain("for-kort");
  }, 120_000);

  it("refuses a second process on the same embedded folder before migrating", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-start-"));
    const dataDir = path.join(dir, "db");
    // Another live process holds the folder, as a running `npm start` does.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
      const r = start({ PGLITE_DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(new RegExp(`in use by another process \\(pid ${holder.pid}\\)`));
      expect(r.out).not.toMatch(/Applied|up to date/);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      holder.kill();
    }
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)("seeds no demo users into a PostgreSQL server unless asked with STILLADS_SEED_DEMO=1", async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, { prefix: "stillads_start" });
    const demoUsers = async () => {
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      try {
        return (await c.query(`SELECT email FROM "User" WHERE email LIKE '%@stillads.invalid' ORDER BY email`)).rows.map((r) => r.email);
      } finally {
        await c.end();
      }
    };
    try {
      const plain = start({ DATABASE_URL: scratch.url });
      expect(plain.code).toBe(0);
      expect(plain.out).toContain("Not seeding the demo data on a PostgreSQL server");
      expect(await demoUsers()).toEqual([]);
      const asked = start({ DATABASE_URL: scratch.url, STILLADS_SEED_DEMO: "1" });
      expect(asked.code).toBe(0);
      expect(await demoUsers()).toEqual(["admin@stillads.invalid", "koordinator@stillads.invalid", "underviser@stillads.invalid"]);
    } finally {
      await scratch.drop();
    }
  }, 900_000);
});
