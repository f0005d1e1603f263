import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "../env";

export interface RawMail {
  messageId: string;
  /** A display name and address; the name is the programme's provider. */
  from: string | { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface MailTransport {
  readonly kind: "smtp" | "file";
  send(mail: RawMail): Promise<void>;
}

/** Delivers over SMTP with nodemailer. */
export function smtpTransport(url: string): MailTransport {
  const t = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(mail) {
      await t.sendMail({ ...mail, html: mail.html ?? undefined });
    },
  };
}

/** Without SMTP: each mail becomes an .eml file in `dir`, and its path is logged. */
export function fileTransport(dir: string): MailTransport {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      const info = await t.sendMail({ ...mail, html: mail.html ?? undefined });
      await fs.mkdir(dir, { recursive: true });
      const safeId = mail.messageId.replace(/[^a-zA-Z0-9_.-]/g, "");
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeId}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      console.log(`[mail] ${mail.subject} → ${file}`);
    },
  };
}

let configured: MailTransport | undefined;
export function configuredTransport(): MailTransport {
  const e = env();
  configured ??= e.SMTP_URL ? smtpTransport(e.SMTP_URL) : fileTransport(path.resolve(e.MAIL_DIR));
  return configured;
}
