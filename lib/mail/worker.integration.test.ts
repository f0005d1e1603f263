import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { fakeSmtpServer } from "@/tests/helpers/fake-smtp";
import { currentTestDb } from "@/tests/helpers/test-db";
import { enqueueMail } from "./outbox";
import { CLAIM_MS, deliverDueMail, messageIdFor } from "./worker";

// Issue 12, item 26: the outbox worker under faults. A fake SMTP server that accepts slowly, a second
// worker taking over expired claims, and the database connection cut between the server's accept and
// the worker marking the row sent.

const testDb = currentTestDb();
const { prisma } = testDb;

const received: Array<{ subject: string; messageId: string }> = [];
/** Runs inside the SMTP conversation, after the message arrived and before the server says 250. */
let beforeAccept: ((subject: string) => Promise<void>) | null = null;
const smtp = fakeSmtpServer(async (parsed) => {
  // A slow server: every mail takes a while to be accepted.
  await new Promise((r) => setTimeout(r, 150));
  if (beforeAccept) await beforeAccept(parsed.subject ?? "");
  received.push({ subject: parsed.subject ?? "", messageId: parsed.messageId ?? "" });
});
beforeAll(smtp.start);
afterAll(smtp.stop);
const transport = smtp.transport;

async function enqueue(prefix: string, n: number) {
  await db.$transaction(async (tx) => {
    for (let i = 1; i <= n; i++) await enqueueMail(tx, { dedupeKey: `${prefix}:${i}`, to: `p${i}@example.org`, subject: `${prefix} ${i}`, text: "Hej", fromName: "KL" });
  });
}

/**
 * Cuts the app's database connections and keeps new ones out for `ms`: on the server, every backend of
 * the scratch database is terminated and the database refuses connections for a while; the embedded
 * database (one in-process connection) cannot be cut, so there the next outbox writes fail as a
 * dropped connection would.
 */
async function cutDatabase(ms: number): Promise<() => number> {
  if (testDb.kind === "server") {
    const name = new URL(testDb.url!).pathname.slice(1);
    const maintenance = new pg.Client({ connectionString: testDb.url!.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
    await maintenance.connect();
    await maintenance.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    const { rowCount } = await maintenance.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    setTimeout(() => {
      void maintenance.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).finally(() => maintenance.end());
    }, ms);
    return () => rowCount ?? 0;
  }
  const slot = globalThis as unknown as { __stilladsDb: typeof testDb };
  const real = slot.__stilladsDb;
  const until = Date.now() + ms;
  let failures = 0;
  const outbox = new Proxy(real.prisma.outboxMessage, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (Date.now() < until) {
          failures++;
          return Promise.reject(new Error("Connection terminated unexpectedly"));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const prismaCut = new Proxy(real.prisma, { get: (t, p) => (p === "outboxMessage" ? outbox : Reflect.get(t, p, t)) });
  slot.__stilladsDb = { ...real, prisma: prismaCut };
  setTimeout(() => (slot.__stilladsDb = real), ms + 5_000);
  return () => failures;
}

describe("outbox worker under faults", () => {
  it("a mail the SMTP server accepted just before the database connection was cut counts as sent, is marked once the database is back, and the rest of the batch goes out", async () => {
    received.length = 0;
    await enqueue("cut", 3);
    let cut: (() => number) | null = null;
    beforeAccept = async (subject) => {
      if (subject === "cut 1" && !cut) cut = await cutDatabase(700);
    };
    const result = await deliverDueMail({ transport: transport() });
    beforeAccept = null;

    expect(cut!()).toBeGreaterThan(0);
    expect(result).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    expect(received.map((r) => r.subject)).toEqual(["cut 1", "cut 2", "cut 3"]);
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "cut:" } }, orderBy: { dedupeKey: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError, r.lockedUntil])).toEqual(Array(3).fill(["SENT", 1, null, null]));
    // Nothing left to send again: no second copy of any of them.
    expect((await deliverDueMail({ transport: transport(), now: new Date(Date.now() + 2 * CLAIM_MS) })).claimed).toBe(0);
    expect(received).toHaveLength(3);
    expect(received[0]!.messageId).toBe(messageIdFor(rows[0]!.id));
  });

  it("with a slow server and a second worker taking over expired claims, every mail goes out once; a claim lasts a minute", async () => {
    received.length = 0;
    expect(CLAIM_MS).toBe(60_000);
    await enqueue("slow", 3);
    const t0 = new Date(Date.now() + 1_000);
    // Worker 1's clock: it claims at t0, and by the time it renews the first claim 10 s have passed.
    let calls = 0;
    const clock1 = () => new Date(t0.getTime() + (calls++ === 0 ? 0 : 10_000));
    let second: Promise<unknown> | null = null;
    beforeAccept = async (subject) => {
      // While worker 1 is still talking to the server about the first mail, the other two claims run
      // out (t0 + 65 s) and worker 2 takes them over.
      if (subject === "slow 1" && !second) {
        second = deliverDueMail({ transport: transport(), now: new Date(t0.getTime() + 65_000) });
        await second;
      }
    };
    const first = await deliverDueMail({ transport: transport(), clock: clock1 });
    beforeAccept = null;
    expect(first).toMatchObject({ claimed: 3, sent: 1, skipped: 2 });
    expect(await second).toMatchObject({ claimed: 2, sent: 2 });
    expect(received.map((r) => r.subject).sort()).toEqual(["slow 1", "slow 2", "slow 3"]);
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "slow:" } } });
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("a re-sent mail keeps its Message-ID, so receivers can drop the copy", async () => {
    received.length = 0;
    await enqueue("again", 1);
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "again:1" } });
    await deliverDueMail({ transport: transport() });
    // As if the worker had died after the server accepted the mail: the row pending, its claim run out.
    await prisma.outboxMessage.update({ where: { id: row.id }, data: { status: "PENDING", lockedUntil: new Date(Date.now() - 1) } });
    await deliverDueMail({ transport: transport() });
    expect(received.map((r) => r.messageId)).toEqual([messageIdFor(row.id), messageIdFor(row.id)]);
    expect(messageIdFor(row.id)).toBe(`<outbox-${row.id}@stillads.invalid>`);
  });
});
