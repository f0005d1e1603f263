import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content (calendars, CSV), or the bytes of a binary file (a PDF). */
  content: string | Buffer;
}

export interface OutgoingMail {
  /** Identifies the mail's purpose and subject, e.g. "enrolment-confirmed:<id>": written once, sent once. */
  dedupeKey: string;
  to: string;
  /** The sender's display name: the programme's provider. Without it, the name in MAIL_FROM. */
  fromName?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * Writes a mail into the outbox inside the caller's transaction: it is sent if and only if the change
 * it reports is committed. Writing the same dedupeKey twice keeps the first.
 */
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<void> {
  const attachments = mail.attachments?.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: (typeof a.content === "string" ? Buffer.from(a.content, "utf8") : a.content).toString("base64"),
  }));
  await tx.outboxMessage.upsert({
    where: { dedupeKey: mail.dedupeKey },
    update: {},
    create: {
      dedupeKey: mail.dedupeKey,
      toAddress: mail.to,
      fromName: mail.fromName ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      attachments: (attachments ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
