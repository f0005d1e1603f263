import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";

// The enrolment benchmark's baseline (bench/enrolment.ts): one INSERT and nothing else, through the
// same server, proxy and pool as a real enrolment. It exists only when STILLADS_BENCH_ROUTES=1 is set
// (the benchmark's server); everywhere else it answers 404 like any unknown address. The row is a
// rate-limit bucket with a unique key, which the job loop prunes like any other old bucket.
export async function POST(req: NextRequest) {
  if (process.env.STILLADS_BENCH_ROUTES !== "1") return new NextResponse(null, { status: 404 });
  await req.text();
  const now = new Date();
  await db.$executeRaw`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "createdAt", "updatedAt") VALUES (${`bench:${randomUUID()}`}, ${now}, 1, ${now}, ${now})`;
  return NextResponse.json({ ok: true }, { status: 201 });
}
