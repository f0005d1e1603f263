// npm run bench -- fuzz
// 10 000 generated, mostly hostile cases per public entry point (BENCH_FUZZ_RUNS to change), through
// the same harness as tests/fuzz/, in this process against a scratch database (the PostgreSQL server
// of DATABASE_URL, else an embedded one). Every count is of what happened, never assumed.
import { runLibInProcess } from "./in-process";
import { createBenchDb } from "./server";

const RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 10_000);

export async function benchFuzz(): Promise<string> {
  const bdb = await createBenchDb();
  const db = bdb.open();
  // The entry points import next/headers & co., which need a Next.js request: stand-ins from here on.
  const restoreDb = runLibInProcess(db);
  const { publicEntryPoints } = await import("../tests/fuzz/entry-points");
  const { runFuzz, totals } = await import("../tests/fuzz/harness");

  // The app logs each unexpected exception; the harness counts them, so keep the output to one line.
  const logError = console.error;
  const logged: unknown[][] = [];
  console.error = (...args: unknown[]) => void (logged.length < 20 && logged.push(args));
  const t0 = performance.now();
  try {
    const stats = [];
    for (const entry of await publicEntryPoints(db.prisma)) {
      const s = await runFuzz(entry, { numRuns: RUNS, mode: "count" });
      stats.push(s);
      // Progress on stderr; stdout keeps its one line.
      process.stderr.write(`fuzz: ${s.name}: ${s.cases} cases in ${(s.durationMs / 1000).toFixed(0)} s, violations ${JSON.stringify(s.violations)}\n`);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.error = logError;
    for (const s of stats) for (const example of s.examples) console.error(example);
    for (const args of logged.slice(0, 5)) console.error("[logged during the run]", ...args);
    const t = totals(stats);
    return (
      `fuzz: cases=${t.cases} server_errors=${t.serverErrors} stored_invalid=${t.storedInvalid} stored_wrong=${t.storedWrong} ` +
      `accepted_invalid=${t.acceptedInvalid} refused_valid=${t.refusedValid} unclear_messages=${t.unclearMessages} ` +
      `entry_points=${t.entryPoints} runs_per_entry_point=${RUNS} accepted=${t.accepted} refused=${t.refused} db=${bdb.label} ` +
      `duration_s=${seconds.toFixed(0)} cases_per_s=${(t.cases / seconds).toFixed(0)}`
    );
  } finally {
    console.error = logError;
    restoreDb();
    await db.close();
    await bdb.drop();
  }
}
