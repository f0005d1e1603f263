import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

// Without SMTP, every mail is an .eml file in MAIL_DIR (./transport.ts), named after its outbox row's
// Message-ID. Erasing a person removes those files too: by the ids of their outbox rows, and by the
// recipient in each file's headers, which also finds mails whose rows the retention run already deleted.

/** The header block of an .eml file, folded lines joined. */
async function headersOf(file: string): Promise<string> {
  const handle = await fs.open(file, "r");
  try {
    const buf = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString("utf8").replace(/\r\n/g, "\n");
    const end = text.indexOf("\n\n");
    return (end === -1 ? text : text.slice(0, end)).replace(/\n[ \t]+/g, " ");
  } finally {
    await handle.close();
  }
}

function addressedTo(headers: string, address: string): boolean {
  const wanted = address.toLowerCase();
  return headers
    .split("\n")
    .filter((l) => /^(to|cc|bcc):/i.test(l))
    .some((l) => l.toLowerCase().match(/[^\s<>,"]+@[^\s<>,"]+/g)?.includes(wanted));
}

/** Deletes the .eml files of these outbox rows and any addressed to `address`; returns how many. */
export async function removeMailFiles(dir: string, opts: { outboxIds: readonly string[]; address: string }): Promise<number> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".eml"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  const ids = opts.outboxIds.map((id) => `-outbox-${id}`);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const match = ids.some((id) => name.includes(id)) || addressedTo(await headersOf(file).catch(() => ""), opts.address);
    if (!match) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
