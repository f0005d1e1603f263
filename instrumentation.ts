// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server here, with the variable's name, instead of a "Ready" server that
  // answers every request with an empty 500.
  const { readServerEnv } = await import("./lib/env");
  try {
    readServerEnv();
  } catch (err) {
    console.error(`Stillads cannot start. ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  // Ctrl-C and SIGTERM stop the HTTP server (scripts/serve.ts), the job loop and the poller, and close
  // the database (the embedded one above all) before the process exits: lib/shutdown.ts.
  const { exitOnSignals, onShutdown, SHUTDOWN_ORDER } = await import("./lib/shutdown");
  exitOnSignals();
  if (process.env.STILLADS_JOBS !== "off") {
    const { startJobLoop } = await import("./lib/jobs");
    startJobLoop(Number(process.env.STILLADS_JOBS_INTERVAL_MS ?? 10_000));
  }
  const { publicCacheEnabled } = await import("./lib/public-cache/state");
  if (publicCacheEnabled()) {
    const [{ db, onJobsPool }, { readContentVersion, startPublicVersionPoller }] = await Promise.all([import("./lib/db"), import("./lib/public-cache/version")]);
    // On the background jobs' pool: a burst of requests must not hold up the poll, nor it them.
    const stopPoller = startPublicVersionPoller(() => onJobsPool(() => readContentVersion(db)), Number(process.env.STILLADS_PUBLIC_CACHE_POLL_MS ?? 1_000));
    onShutdown("public-cache poller", stopPoller, SHUTDOWN_ORDER.jobs);
  }
}
