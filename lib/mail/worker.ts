import "server-only";
import { db } from "../db";
import { env } from "../env";
import { configuredTransport, type MailTransport } from "./transport";

export const MAX_ATTEMPTS = 8;
/** A claimed message returns to the queue if its worker has not finished within this time. */
const CLAIM_MS = 5 * 60_000;

/** Exponential backoff: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attachments: Array<{ filename: string; contentType: string; content: string }> | null;
  attempts: number;
};

/**
 * Sends the mails that are due. Rows are claimed with FOR UPDATE SKIP LOCKED and a claim deadline,
 * so any number of workers in any number of app instances never take the same message; the SMTP
 * conversation happens outside any transaction. Each message carries a stable Message-ID, so if a
 * worker dies between the server accepting a mail and the row being marked sent, the one re-send after
 * the claim expires is recognisable as the same message.
 */
export async function deliverDueMail(opts: { now?: Date; limit?: number; transport?: MailTransport } = {}) {
  const now = opts.now ?? new Date();
  const transport = opts.transport ?? configuredTransport();
  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${claimedUntil}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", id
      LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "toAddress", subject, "textBody", "htmlBody", attachments, attempts`;

  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await transport.send({
        messageId: `<outbox-${m.id}@stillads>`,
        from: env().MAIL_FROM,
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlBody,
        attachments: (m.attachments ?? []).map((a) => ({ ...a, content: Buffer.from(a.content, "base64") })),
      });
      await db.outboxMessage.updateMany({
        where: { id: m.id, status: "PENDING" },
        data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null },
      });
      sent++;
    } catch (err) {
      failed++;
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      // The recipient address is personal data; the error text from SMTP is enough to act on.
      console.error(`[mail] delivery of outbox message ${m.id} failed (attempt ${m.attempts}):`, (err as Error).message);
      await db.outboxMessage.update({
        where: { id: m.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lastError: String((err as Error).message).slice(0, 2000),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
        },
      });
    }
  }
  return { claimed: claimed.length, sent, failed };
}
