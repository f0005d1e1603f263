import "server-only";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`. The
 * counter lives in the database, in one atomic upsert, so the limit holds across app instances.
 */
export async function consumeRateLimit(
  key: string,
  limit: number,
  windowMs: number,
  now = new Date(),
  opts: { restartAtLimit?: boolean } = {},
): Promise<RateLimitResult> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  // restartAtLimit: the attempt that reaches the limit starts a full window (a lockout of windowMs).
  const restart = opts.restartAtLimit === true;
  const rows = await db.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "createdAt", "updatedAt")
    VALUES (${key}, ${now}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE
        WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN ${now}
        WHEN ${restart} AND "RateLimitBucket"."count" + 1 = ${limit} THEN ${now}
        ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const retryAfterMs = Math.max(0, row.windowStart.getTime() + windowMs - now.getTime());
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
}

/** The attempts counted against `key` in its current window, without counting one. */
export async function peekRateLimit(key: string, windowMs: number, now = new Date()): Promise<number> {
  const row = await db.rateLimitBucket.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  return row && row.windowStart.getTime() > now.getTime() - windowMs ? row.count : 0;
}

/** Removes buckets whose window ended long ago; run by the periodic jobs. */
export async function pruneRateLimits(olderThan: Date): Promise<number> {
  const r = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return r.count;
}

/**
 * Counts one attempt against each of several keys (distinct), each with its own limit and window, in
 * one statement: one round trip for a request that is limited per address and per e-mail.
 */
export async function consumeRateLimits(
  limits: ReadonlyArray<{ key: string; limit: number; windowMs: number }>,
  now = new Date(),
): Promise<RateLimitResult[]> {
  const keys = limits.map((l) => l.key);
  const floors = limits.map((l) => new Date(now.getTime() - l.windowMs).toISOString());
  const floor = Prisma.sql`(SELECT w.f FROM unnest(${keys}::text[], ${floors}::timestamptz[]) AS w(k, f) WHERE w.k = EXCLUDED."key")`;
  const rows = await db.$queryRaw<Array<{ key: string; count: number; windowStart: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "createdAt", "updatedAt")
    SELECT k, ${now}::timestamptz, 1, ${now}::timestamptz, ${now}::timestamptz FROM unnest(${keys}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${floor} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${floor} THEN EXCLUDED."windowStart" ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "key", "count", "windowStart"`;
  return limits.map((l) => {
    const row = rows.find((r) => r.key === l.key)!;
    const retryAfterMs = Math.max(0, row.windowStart.getTime() + l.windowMs - now.getTime());
    return { allowed: row.count <= l.limit, count: row.count, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
  });
}
