import "server-only";
import { db } from "../db";
import { env } from "../env";
import { parseMailbox } from "./address";
import { configuredTransport, type MailTransport } from "./transport";

export const MAX_ATTEMPTS = 8;
/**
 * A claimed message returns to the queue if its worker has not finished within this time. Short, so a
 * batch cut off by a crash or a database outage goes out again within a minute; each message's claim
 * is renewed just before it is sent, so a slow SMTP server does not let a second worker take it.
 */
export const CLAIM_MS = 60_000;
/** Waits between tries to record a message's outcome when the database does not answer. */
const MARK_RETRY_MS = [200, 1_000, 3_000];

/** Exponential backoff: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * The Message-ID of an outbox row. It depends only on the row, so every attempt to send it carries the
 * same one: when a mail is sent twice (a worker killed after the SMTP server accepted it but before the
 * row was marked), receivers and mail clients recognise the second copy as a duplicate.
 */
export function messageIdFor(outboxId: string): string {
  const domain = parseMailbox(env().MAIL_FROM).address.split("@")[1] || "stillads.invalid";
  return `<outbox-${outboxId}@${domain}>`;
}

type Claimed = {
  id: string;
  toAddress: string;
  fromName: string | null;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attachments: Array<{ filename: string; contentType: string; content: string }> | null;
  attempts: number;
  lockedUntil: Date;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a database write, trying again a few times when the connection fails (a dropped connection is replaced by the pool). */
async function withRetry<T>(what: string, write: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= MARK_RETRY_MS.length) throw err;
      console.warn(`[mail] ${what} failed, trying again:`, (err as Error).message);
      await sleep(MARK_RETRY_MS[i]!);
    }
  }
}

/**
 * Sends the mails that are due. Rows are claimed with FOR UPDATE SKIP LOCKED and a short lease, so any
 * number of workers in any number of app instances never take the same message; the SMTP conversation
 * happens outside any transaction. Each message is handled on its own: its lease is renewed just
 * before sending (a message whose lease another worker took over is skipped), and once the SMTP server
 * has accepted it, it counts as sent even if recording that fails; the recording is retried, and if the
 * database stays away the lease runs out and the message goes out once more with the same Message-ID.
 */
export async function deliverDueMail(opts: { now?: Date; clock?: () => Date; limit?: number; transport?: MailTransport } = {}) {
  const started = Date.now();
  // Tests pass a fixed `now` (the clock then moves on from it at the real pace) or a clock of their own.
  const clock = opts.clock ?? (() => (opts.now ? new Date(opts.now.getTime() + (Date.now() - started)) : new Date()));
  const now = clock();
  const transport = opts.transport ?? configuredTransport();
  const from = parseMailbox(env().MAIL_FROM);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", id
      LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "toAddress", "fromName", subject, "textBody", "htmlBody", attachments, attempts, "lockedUntil"`;
  claimed.sort((a, b) => (a.id < b.id ? -1 : 1));

  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const m of claimed) {
    // Renew this message's lease; if it ran out and another worker took the message, leave it alone.
    let renewed: number;
    try {
      renewed = (
        await db.outboxMessage.updateMany({
          where: { id: m.id, status: "PENDING", lockedUntil: m.lockedUntil },
          data: { lockedUntil: new Date(clock().getTime() + CLAIM_MS) },
        })
      ).count;
    } catch (err) {
      // No database: stop here; the unsent messages' leases run out and they are claimed again.
      console.error("[mail] could not renew a claim, ending this run:", (err as Error).message);
      skipped += claimed.length - sent - failed - skipped;
      break;
    }
    if (renewed === 0) {
      skipped++;
      continue;
    }

    try {
      await transport.send({
        messageId: messageIdFor(m.id),
        from: { name: m.fromName || from.name, address: from.address },
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        attachments: (m.attachments ?? []).map((a) => ({ ...a, content: Buffer.from(a.content, "base64") })),
      });
    } catch (err) {
      failed++;
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      // The recipient address is personal data; the error text from SMTP is enough to act on.
      console.error(`[mail] delivery of outbox message ${m.id} failed (attempt ${m.attempts}):`, (err as Error).message);
      try {
        await withRetry("recording a failed delivery", () =>
          db.outboxMessage.update({
            where: { id: m.id },
            data: {
              status: giveUp ? "FAILED" : "PENDING",
              lastError: String((err as Error).message).slice(0, 2000),
              lockedUntil: null,
              nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
            },
          }),
        );
      } catch (markErr) {
        console.error(`[mail] could not record the failure of outbox message ${m.id}; it is tried again when its claim runs out:`, (markErr as Error).message);
      }
      continue;
    }

    // Accepted by the SMTP server: sent, whatever happens to the bookkeeping below.
    sent++;
    try {
      await withRetry("marking a mail sent", () =>
        db.outboxMessage.updateMany({
          where: { id: m.id, status: "PENDING" },
          data: { status: "SENT", sentAt: clock(), lockedUntil: null, lastError: null },
        }),
      );
    } catch (err) {
      console.error(`[mail] outbox message ${m.id} was sent but could not be marked; it may go out once more with the same Message-ID:`, (err as Error).message);
    }
  }
  return { claimed: claimed.length, sent, failed, skipped };
}
