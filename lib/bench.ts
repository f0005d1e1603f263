import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./db";

/**
 * The enrolment benchmark's baseline write (bench/enrolment.ts): one INSERT and nothing else. The row
 * is a rate-limit bucket with a unique key, which the job loop prunes like any other old bucket.
 */
export async function insertBenchRow(now = new Date()): Promise<void> {
  await db.$executeRaw`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "createdAt", "updatedAt") VALUES (${`bench:${randomUUID()}`}, ${now}, 1, ${now}, ${now})`;
}
