import { NextResponse, type NextRequest } from "next/server";
import { insertBenchRow } from "@/lib/bench";

// The enrolment benchmark's baseline: one INSERT (lib/bench.ts) through the same server, proxy and
// pool as a real enrolment. It exists only when STILLADS_BENCH_ROUTES=1 is set (the benchmark's
// server); everywhere else it answers 404 like any unknown address.
export async function POST(req: NextRequest) {
  if (process.env.STILLADS_BENCH_ROUTES !== "1") return new NextResponse(null, { status: 404 });
  await req.text();
  await insertBenchRow();
  return NextResponse.json({ ok: true }, { status: 201 });
}
