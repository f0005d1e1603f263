import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DbTarget } from "./target";

/**
 * A Prisma driver-adapter factory for the target, plus a way to release it. Shared by the app's
 * client and the migration runner, so both talk to the database the same way.
 */
export interface OpenedAdapter {
  factory: PrismaPg | PrismaPGlite;
  /** The embedded database, when the target is embedded (tests use it for raw SQL checks). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * How a server pool waits (ignored by the embedded database, which is one connection in this process):
 * its size, how long a caller waits for a free connection, and the lock and statement timeouts every
 * connection starts with (sent in the startup packet, so they cost no round trip).
 */
export interface PoolBounds {
  size?: number;
  waitMs?: number;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
}

export function openAdapter(target: DbTarget, bounds: PoolBounds = {}): OpenedAdapter {
  if (target.kind === "server") {
    // Each app instance keeps a small pool; several instances share one server.
    const factory = new PrismaPg({
      connectionString: target.url,
      max: bounds.size ?? 10,
      ...(bounds.waitMs ? { connectionTimeoutMillis: bounds.waitMs } : {}),
      ...(bounds.lockTimeoutMs ? { lock_timeout: bounds.lockTimeoutMs } : {}),
      ...(bounds.statementTimeoutMs ? { statement_timeout: bounds.statementTimeoutMs } : {}),
    });
    return { factory, close: async () => {} };
  }
  let release = () => {};
  if (!target.dataDir.startsWith("memory://")) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    release = lockDataDir(target.dataDir);
  }
  // The constructor is synchronous; queries wait for the database to be ready.
  const pglite = new PGlite(target.dataDir);
  return {
    factory: new PrismaPGlite(pglite),
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Set by a process that holds the lock for the steps it runs (scripts/start.ts: migrate, seed, the
 * server): they may open the folder while that process, and only that one, holds it.
 */
export const LOCK_HOLDER_ENV = "STILLADS_DATA_LOCK_HOLDER";

/**
 * PGlite is one process's database: a second process opening the same folder corrupts it. A lock
 * file beside the folder holds the owner's pid; another live owner is refused with an explanation,
 * a dead owner's lock (a killed process) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/[\\/]+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(lockFile, "utf8"));
      if (owner && owner === Number(process.env[LOCK_HOLDER_ENV]) && owner !== process.pid && alive(owner)) {
        return () => {}; // the holder runs us and releases the lock when we are done
      }
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by another process (pid ${owner}), probably a running ` +
            "`npm start`. Only one process can open the embedded database: stop that one first, or use a " +
            "PostgreSQL server (DATABASE_URL) to run several.",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
