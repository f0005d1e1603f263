// npm run bench -- enrolment
// 500 concurrent enrolments by distinct people at a cohort with 30 seats, through the real HTTP
// endpoint of a production build, on the server database (DATABASE_URL) or the embedded one.
import { applicant, createCohortFixture } from "../prisma/seed/fixtures";
import { createBenchDb, percentile, startServer } from "./server";

const SEATS = 30;
const ATTEMPTS = Number(process.env.BENCH_ENROLMENT_ATTEMPTS ?? 500);

export async function benchEnrolment(): Promise<string> {
  const bdb = await createBenchDb();
  try {
    const setup = bdb.open();
    const { cohort } = await createCohortFixture(setup.prisma, { capacity: SEATS });
    await setup.close();

    const server = await startServer({ ...bdb.env, RATE_LIMIT_ENROL_PER_IP: "1000000", RATE_LIMIT_ENROL_PER_EMAIL: "1000000" });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let errors = 0;
    const t0 = performance.now();
    try {
      await Promise.all(
        Array.from({ length: ATTEMPTS }, async (_, i) => {
          const start = performance.now();
          try {
            const res = await fetch(`${server.url}/api/tilmeldinger`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ cohortId: cohort.id, ...applicant(`bench-${i}`), idempotencyKey: `bench-${i}` }),
            });
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
    } finally {
      await server.stop();
    }
    const seconds = (performance.now() - t0) / 1000;

    // Count what was stored, not what was answered.
    const check = bdb.open();
    const [confirmed, waitlisted] = await Promise.all([
      check.prisma.enrolment.count({ where: { cohortId: cohort.id, status: "CONFIRMED" } }),
      check.prisma.enrolment.count({ where: { cohortId: cohort.id, status: "WAITLISTED" } }),
    ]);
    await check.close();
    latencies.sort((a, b) => a - b);
    if (errors > 0) console.error(`enrolment: HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    return (
      `enrolment: db=${bdb.label} seats=${SEATS} attempts=${ATTEMPTS} confirmed=${confirmed} waitlisted=${waitlisted} ` +
      `oversold=${confirmed - SEATS} errors=${errors} p50_ms=${percentile(latencies, 50).toFixed(0)} ` +
      `p95_ms=${percentile(latencies, 95).toFixed(0)} rps=${(ATTEMPTS / seconds).toFixed(1)}`
    );
  } finally {
    await bdb.drop();
  }
}
