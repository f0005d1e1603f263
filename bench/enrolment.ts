// npm run bench -- enrolment
// 500 concurrent enrolments by distinct people at a cohort with 30 seats, through the real HTTP
// endpoint of a production build, on the server database (DATABASE_URL) or the embedded one. In the
// same run, on the same server, the same burst against a bare route that does one INSERT and nothing
// else (app/api/bench/insert, on only with STILLADS_BENCH_ROUTES=1): `ratio` = rps / bare_rps.
import { applicant, createCohortFixture } from "../prisma/seed/fixtures";
import { createBenchDb, percentile, startServer, type RunningServer } from "./server";

const SEATS = 30;
const ATTEMPTS = Number(process.env.BENCH_ENROLMENT_ATTEMPTS ?? 500);

type Burst = { latencies: number[]; seconds: number; errors: number; statuses: Map<number, number> };

/** Fires `ATTEMPTS` POSTs at once and times each. */
async function burst(server: RunningServer, path: string, body: (i: number) => unknown): Promise<Burst> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      const start = performance.now();
      try {
        const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body(i)) });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 400) errors++;
      } catch {
        errors++;
      } finally {
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, seconds: (performance.now() - t0) / 1000, errors, statuses };
}

export async function benchEnrolment(): Promise<string> {
  const bdb = await createBenchDb();
  try {
    const setup = bdb.open();
    const { cohort } = await createCohortFixture(setup.prisma, { capacity: SEATS });
    const warmup = await createCohortFixture(setup.prisma, { capacity: SEATS });
    await setup.close();

    const server = await startServer({ ...bdb.env, STILLADS_BENCH_ROUTES: "1", RATE_LIMIT_ENROL_PER_IP: "1000000", RATE_LIMIT_ENROL_PER_EMAIL: "1000000" });
    let bare: Burst;
    let real: Burst;
    try {
      // Load both routes' code before timing either (next start loads a route on its first request).
      for (let i = 0; i < 3; i++) {
        await fetch(`${server.url}/api/bench/insert`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        await fetch(`${server.url}/api/tilmeldinger`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ cohortId: warmup.cohort.id, ...applicant(`warmup-${i}`) }),
        });
      }
      bare = await burst(server, "/api/bench/insert", (i) => ({ cohortId: cohort.id, ...applicant(`bare-${i}`), idempotencyKey: `bare-${i}` }));
      real = await burst(server, "/api/tilmeldinger", (i) => ({ cohortId: cohort.id, ...applicant(`bench-${i}`), idempotencyKey: `bench-${i}` }));
    } finally {
      await server.stop();
    }

    // Count what was stored, not what was answered.
    const check = bdb.open();
    const [confirmed, waitlisted, counter] = await Promise.all([
      check.prisma.enrolment.count({ where: { cohortId: cohort.id, status: "CONFIRMED" } }),
      check.prisma.enrolment.count({ where: { cohortId: cohort.id, status: "WAITLISTED" } }),
      check.prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id }, select: { seatsTaken: true } }),
    ]);
    await check.close();
    for (const [name, b] of [["bare", bare], ["enrolment", real]] as const) {
      if (b.errors > 0) console.error(`enrolment: ${name} HTTP statuses ${JSON.stringify(Object.fromEntries(b.statuses))}`);
    }
    const oversold = confirmed - SEATS;
    const problems = [
      confirmed + waitlisted !== ATTEMPTS ? `confirmed + waitlisted = ${confirmed + waitlisted}, not ${ATTEMPTS}` : null,
      oversold < 0 ? `only ${confirmed} of ${SEATS} seats were taken` : null,
      oversold > 0 ? `${oversold} seats oversold` : null,
      counter.seatsTaken !== confirmed ? `the seat counter says ${counter.seatsTaken}, ${confirmed} are confirmed` : null,
    ].filter((p): p is string => p !== null);
    if (bare.errors) problems.push(`the bare route failed ${bare.errors} times, so its figures are no baseline`);
    if (problems.length) {
      console.error(`enrolment: FAILED: ${problems.join("; ")}`);
      process.exitCode = 1;
    }
    const rps = ATTEMPTS / real.seconds;
    const bareRps = ATTEMPTS / bare.seconds;
    return (
      `enrolment: db=${bdb.label} seats=${SEATS} attempts=${ATTEMPTS} confirmed=${confirmed} waitlisted=${waitlisted} ` +
      `oversold=${oversold} errors=${real.errors} p50_ms=${percentile(real.latencies, 50).toFixed(0)} ` +
      `p95_ms=${percentile(real.latencies, 95).toFixed(0)} rps=${rps.toFixed(1)} bare_rps=${bareRps.toFixed(1)} ` +
      `bare_p95_ms=${percentile(bare.latencies, 95).toFixed(0)} ratio=${(rps / bareRps).toFixed(2)}`
    );
  } finally {
    await bdb.drop();
  }
}
