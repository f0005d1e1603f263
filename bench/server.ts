// Shared by the benchmark parts: a fresh database (scratch database on the server named by
// DATABASE_URL, else an embedded one in a temporary folder) and a production server on it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type OpenedDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { createScratchDatabase } from "../lib/db/scratch";
import type { DbTarget } from "../lib/db/target";
import { KIU_SLUG, seedDemo } from "../prisma/seed/demo";
import { startServer as startAppServer, type RunningServer } from "../tests/helpers/app-server";

export type { RunningServer };

export interface BenchDb {
  target: DbTarget;
  label: "server" | "embedded";
  env: Record<string, string>;
  /** Opens the database for setup or checks; close it before a server starts on an embedded one. */
  open(): OpenedDb;
  drop(): Promise<void>;
}

export async function createBenchDb(): Promise<BenchDb> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const scratch = await createScratchDatabase(base, { prefix: "stillads_bench" });
    const target: DbTarget = { kind: "server", url: scratch.url };
    const db = openDb(target);
    await applyMigrations(db.adapter);
    await db.close();
    return { target, label: "server", env: { DATABASE_URL: scratch.url }, open: () => openDb(target), drop: scratch.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-bench-"));
  const target: DbTarget = { kind: "embedded", dataDir: dir };
  const db = openDb(target);
  await applyMigrations(db.adapter);
  await db.close();
  return {
    target,
    label: "embedded",
    env: { DATABASE_URL: "", PGLITE_DATA_DIR: dir },
    open: () => openDb(target),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The production server on a free port with the given environment (tests/helpers/app-server.ts).
 * BENCH_CPU_PROF=<dir>: it writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
 */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  return startAppServer(env, { nodeArgs: profile });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** The public programme page of the demo data. */
export const PROGRAMME_PATH = `/uddannelser/${KIU_SLUG}`;

/**
 * Runs `fn` against a production server on a fresh database holding the demo data (the programme
 * page then shows real content), and cleans both up afterwards.
 */
export async function withDemoServer<T>(fn: (server: RunningServer, db: BenchDb) => Promise<T>): Promise<T> {
  const bdb = await createBenchDb();
  try {
    const setup = bdb.open();
    try {
      await seedDemo(setup.prisma);
    } finally {
      await setup.close();
    }
    // No background jobs: nothing is queued, and the loop's queries would only add noise.
    const server = await startServer({ ...bdb.env, STILLADS_JOBS: "off" });
    try {
      const res = await fetch(`${server.url}${PROGRAMME_PATH}`);
      if (res.status !== 200) throw new Error(`${PROGRAMME_PATH} answered ${res.status}`);
      return await fn(server, bdb);
    } finally {
      await server.stop();
    }
  } finally {
    await bdb.drop();
  }
}
