import "server-only";
import { expireWaitlistOffers } from "./enrolment/waitlist";
import { sendDueInvitations, sendDueReminders } from "./evaluations/invitations";
import { deliverDueMail } from "./mail/worker";
import { rateLimitCutoff } from "./privacy/policy";
import { pruneRateLimits } from "./rate-limit";
import { onShutdown, SHUTDOWN_ORDER } from "./shutdown";

/** Runs one step; a failing step is logged and does not hold up the others (above all, mail). */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    console.error(`[jobs] ${name} failed:`, err instanceof Error ? err.message : err);
    return null;
  }
}

/**
 * The background work of an app instance: lapse waitlist offers, invite to and remind of evaluations,
 * send due mail, drop old rate-limit counters. Safe to run in every instance at once: each step
 * claims its rows in the database.
 */
export async function runDueJobs(now = new Date()) {
  const offers = await step("waitlist offers", () => expireWaitlistOffers(now));
  const evaluationInvitations = await step("evaluation invitations", () => sendDueInvitations(now));
  const evaluationReminders = await step("evaluation reminders", () => sendDueReminders(now));
  const mail = await step("mail", () => deliverDueMail({ now }));
  await step("rate-limit pruning", () => pruneRateLimits(rateLimitCutoff(now)));
  return { offers, evaluationInvitations, evaluationReminders, mail };
}

let timer: NodeJS.Timeout | undefined;
let running = false;
let current: Promise<unknown> | undefined;
let stopped = false;

/**
 * Runs the jobs now unless a run is already under way in this process (after a submission, so its
 * mail goes out at once). Under a burst of submissions this coalesces into a few runs, not one each.
 */
export function kickJobs(): void {
  if (running || stopped) return;
  running = true;
  current = runDueJobs()
    .catch((err) => console.error("[jobs] failed:", err instanceof Error ? err.message : err))
    .finally(() => {
      running = false;
    });
}

/** Runs the jobs every `intervalMs` in this process (started from instrumentation.ts). */
export function startJobLoop(intervalMs = 10_000) {
  if (timer) return;
  timer = setInterval(kickJobs, intervalMs);
  timer.unref();
  onShutdown("job loop", stopJobLoop, SHUTDOWN_ORDER.jobs);
}

/** Stops the loop and waits for a run under way, so the database is not closed beneath it. */
export async function stopJobLoop(): Promise<void> {
  stopped = true;
  clearInterval(timer);
  await current;
}
