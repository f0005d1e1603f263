import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/** The folder e2e/serve.ts gives the server on `baseURL`'s port for its .eml files. */
export function mailDirFor(baseURL: string): string {
  return path.resolve(`.data/e2e-${new URL(baseURL).port}-mail`);
}

/** Waits for a mail to `to` whose subject matches, and returns it parsed. */
export async function waitForMail(baseURL: string, to: string, subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
  const dir = mailDirFor(baseURL);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(dir)) {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
        const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
        const recipients = (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a?.text ?? "").join(",");
        if (recipients.includes(to) && subject.test(mail.subject ?? "")) return mail;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

export function manageLink(mail: ParsedMail): string {
  const m = /https?:\/\/\S+\/tilmelding\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "");
  if (!m) throw new Error("The mail has no manage link");
  return m[0];
}
