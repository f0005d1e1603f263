// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.STILLADS_JOBS !== "off") {
    const { startJobLoop } = await import("./lib/jobs");
    startJobLoop(Number(process.env.STILLADS_JOBS_INTERVAL_MS ?? 10_000));
  }
  const { publicCacheEnabled } = await import("./lib/public-cache/state");
  if (publicCacheEnabled()) {
    const [{ db }, { startPublicVersionPoller }] = await Promise.all([import("./lib/db"), import("./lib/public-cache/version")]);
    startPublicVersionPoller(db, Number(process.env.STILLADS_PUBLIC_CACHE_POLL_MS ?? 1_000));
  }
}
