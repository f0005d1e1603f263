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
  // Ctrl-C and SIGTERM stop the job loop and close the database (the embedded one above all) first.
  const { exitOnSignals } = await import("./lib/shutdown");
  exitOnSignals();
  if (process.env.STILLADS_JOBS !== "off") {
    const { startJobLoop } = await import("./lib/jobs");
    startJobLoop(Number(process.env.STILLADS_JOBS_INTERVAL_MS ?? 10_000));
  }
}
