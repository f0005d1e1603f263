// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.STILLADS_JOBS !== "off") {
    const { startJobLoop } = await import("./lib/jobs");
    startJobLoop(Number(process.env.STILLADS_JOBS_INTERVAL_MS ?? 10_000));
  }
}
