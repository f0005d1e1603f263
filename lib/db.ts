import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "./generated/prisma/client";
import { openDb, type OpenedDb } from "./db/client";
import { resolveDbTarget } from "./db/target";
import { env } from "./env";
import { onShutdown, SHUTDOWN_ORDER } from "./shutdown";

// The one Prisma client of the app. It is opened on first use, not at import, so that `next build`
// (which imports every route) never opens the embedded database, and cached on globalThis so that
// hot reload in development does not open new pools. Integration tests put their own per-file
// database into the same slot before anything uses it (tests/setup/integration.ts).
const slot = globalThis as unknown as { __stilladsDb?: OpenedDb; __stilladsJobsDb?: OpenedDb };

function opened(): OpenedDb {
  if (!slot.__stilladsDb) {
    onShutdown("database", () => slot.__stilladsDb?.close(), SHUTDOWN_ORDER.database);
    const e = env();
    slot.__stilladsDb = openDb(resolveDbTarget(), {
      size: e.DATABASE_POOL_SIZE,
      waitMs: e.DATABASE_POOL_WAIT_MS,
      lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    });
  }
  return slot.__stilladsDb;
}

/**
 * The background jobs' client: on a server, a pool of its own (DATABASE_JOBS_POOL_SIZE connections to
 * the same database), so that a burst of requests and the job loop never wait for each other's
 * connections. The embedded database is one connection anyway and is shared.
 */
function openedForJobs(): OpenedDb {
  const main = opened();
  if (main.target.kind !== "server") return main;
  if (!slot.__stilladsJobsDb) {
    onShutdown("jobs database", () => slot.__stilladsJobsDb?.close(), SHUTDOWN_ORDER.database);
    const e = env();
    slot.__stilladsJobsDb = openDb(main.target, {
      size: e.DATABASE_JOBS_POOL_SIZE,
      waitMs: e.DATABASE_POOL_WAIT_MS,
      lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    });
  }
  return slot.__stilladsJobsDb;
}

const jobsContext = new AsyncLocalStorage<true>();

/** Runs `work` with every use of `db` inside it (however deep) on the jobs' own pool. */
export function onJobsPool<T>(work: () => Promise<T>): Promise<T> {
  return jobsContext.run(true, work);
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = (jobsContext.getStore() ? openedForJobs() : opened()).prisma;
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
/** A client inside an interactive transaction, for service functions that must compose. */
export type Tx = Prisma.TransactionClient;
