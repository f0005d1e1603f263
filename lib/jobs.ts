import "server-only";
import { sendDueCertificates } from "./certificates/service";
import { onJobsPool } from "./db";
import { isDatabaseUnavailable } from "./db/bounded";
import { expireWaitlistOffers } from "./enrolment/waitlist";
import { sendDueInvitations, sendDueReminders } from "./evaluations/invitations";
import { issueDueInvoices } from "./invoicing/auto";
import { sendDueInvoicePdfs } from "./invoicing/service";
import { deliverDueMail } from "./mail/worker";
import { rateLimitCutoff } from "./privacy/policy";
import { pruneRateLimits } from "./rate-limit";
import { sendDueModuleReminders } from "./reminders/service";
import { onShutdown, SHUTDOWN_ORDER } from "./shutdown";
import { sendDueWorkspaceMails } from "./workspace/progress-mail";

/**
 * Runs one step; a failing step is logged and does not hold up the others (above all, mail). Its work
 * is claimed in the database, so a step that failed is simply done by the next tick.
 */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : err;
    if (isDatabaseUnavailable(err)) console.warn(`[jobs] ${name}: database busy or unreachable, retrying next tick:`, message);
    else console.error(`[jobs] ${name} failed:`, message);
    return null;
  }
}

/**
 * The background work of an app instance: lapse waitlist offers, invite to and remind of evaluations,
 * send due mail, drop old rate-limit counters. Safe to run in every instance at once: each step
 * claims its rows in the database. It runs on the jobs' own small pool (lib/db.ts), so a burst of
 * requests cannot starve it of connections, nor it them.
 */
export function runDueJobs(now = new Date()) {
  return onJobsPool(() => runSteps(now));
}

async function runSteps(now: Date) {
  const offers = await step("waitlist offers", () => expireWaitlistOffers(now));
  const evaluationInvitations = await step("evaluation invitations", () => sendDueInvitations(now));
  const evaluationReminders = await step("evaluation reminders", () => sendDueReminders(now));
  // Before mail: a PDF invoice or kursusbevis made here goes out in the same run.
  const invoices = await step("automatic invoices", () => issueDueInvoices(now));
  const invoicePdfs = await step("PDF invoices", () => sendDueInvoicePdfs(now));
  const certificates = await step("kursusbeviser", () => sendDueCertificates(now));
  const moduleReminders = await step("module reminders", () => sendDueModuleReminders(now));
  const workspaceMails = await step("workspace mails", () => sendDueWorkspaceMails(now));
  const mail = await step("mail", () => deliverDueMail({ now }));
  await step("rate-limit pruning", () => pruneRateLimits(rateLimitCutoff(now)));
  return { offers, evaluationInvitations, evaluationReminders, invoices, invoicePdfs, certificates, moduleReminders, workspaceMails, mail };
}

let timer: NodeJS.Timeout | undefined;
let running = false;
let current: Promise<unknown> | undefined;
let stopped = false;
let lastEnded = 0;
let deferred: NodeJS.Timeout | undefined;

/** The shortest pause between two runs started by kickJobs. */
export const KICK_GAP_MS = 1_000;

/**
 * Runs the jobs soon after a submission, so its mail goes out at once: now, unless a run is under way
 * (its mail is then sent by the next one) or one ended less than KICK_GAP_MS ago (then one run is
 * scheduled for when the gap is over). Under a burst of submissions the jobs thus take at most one
 * batch per second of the instance's CPU, not every spare moment of it.
 */
export function kickJobs(): void {
  if (running || deferred || stopped) return;
  const wait = lastEnded + KICK_GAP_MS - Date.now();
  if (wait > 0) {
    deferred = setTimeout(() => {
      deferred = undefined;
      kickJobs();
    }, wait);
    deferred.unref();
    return;
  }
  running = true;
  current = runDueJobs()
    .catch((err) => console.error("[jobs] failed:", err instanceof Error ? err.message : err))
    .finally(() => {
      running = false;
      lastEnded = Date.now();
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
  clearTimeout(deferred);
  await current;
}
