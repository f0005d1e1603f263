import { env } from "../env";

/**
 * Options for every interactive transaction of the app: how long to wait for a connection to start
 * one, and how long it may run. Both are bounded (lib/env.ts), so a burst ends in a clear "try again"
 * (HTTP 503) within seconds instead of a queue that answers after a minute.
 */
export function txOptions(): { maxWait: number; timeout: number } {
  const e = env();
  return { maxWait: e.DATABASE_POOL_WAIT_MS, timeout: e.DATABASE_TX_TIMEOUT_MS };
}

// PostgreSQL error classes that mean "not now" rather than "wrong": lock or statement timeouts,
// too many connections, a server shutting down or restarting, and any connection exception (08xxx).
const BUSY_SQLSTATES = new Set(["55P03", "57014", "53300", "53400", "57P01", "57P02", "57P03", "40001", "40P01"]);
// Prisma's codes for the same: can't reach / timed out / closed, pool timeout, transaction not started
// in time or expired.
const BUSY_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const BUSY_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
const BUSY_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Unable to start a transaction in the given time/i,
  /Transaction already closed/i,
  /canceling statement due to (lock|statement) timeout/i,
  /could not obtain lock/i,
  /too many (clients|connections)/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Connection refused/i,
];

/**
 * True when an error says the database is unreachable or too busy to answer in time (as opposed to a
 * bug or a rule the data broke). Such a request has changed nothing and may simply be tried again.
 * Looks through the whole cause chain: Prisma wraps the driver's error, which wraps the server's.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { code?: unknown; errorCode?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    for (const code of [o.code, o.errorCode, o.originalCode]) {
      if (typeof code !== "string") continue;
      if (BUSY_SQLSTATES.has(code) || BUSY_PRISMA_CODES.has(code) || BUSY_NODE_CODES.has(code) || /^08/.test(code)) return true;
    }
    if (typeof o.message === "string" && BUSY_MESSAGES.some((re) => re.test(o.message as string))) return true;
    if (o.constructor?.name === "PrismaClientInitializationError") return true;
    const meta = o.meta as { code?: unknown; driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === "object") {
      if (typeof meta.code === "string" && (BUSY_SQLSTATES.has(meta.code) || /^08/.test(meta.code))) return true;
      if (meta.driverAdapterError && isDatabaseUnavailable(meta.driverAdapterError)) return true;
    }
    e = o.cause;
  }
  return false;
}
