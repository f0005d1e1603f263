import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fakeSmtpServer } from "@/tests/helpers/fake-smtp";
import { currentTestDb } from "@/tests/helpers/test-db";
import { consumeRateLimit } from "../rate-limit";
import { enqueueMail } from "./outbox";
import { backoffMs, deliverDueMail } from "./worker";

const { prisma } = currentTestDb();

// A real SMTP server on a random local port; it can be told to refuse the next messages.
const received: Array<{ messageId: string; to: string; subject: string; attachments: number }> = [];
let refuseNext = 0;
const smtp = fakeSmtpServer(async (parsed) => {
  if (refuseNext > 0) {
    refuseNext--;
    return Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 });
  }
  received.push({
    messageId: parsed.messageId ?? "",
    to: (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text ?? "",
    subject: parsed.subject ?? "",
    attachments: parsed.attachments.length,
  });
});
beforeAll(smtp.start);
afterAll(smtp.stop);
const transport = smtp.transport;

describe("mail outbox", () => {
  it("delivers each message exactly once, even with two workers at the same time", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await enqueueMail(tx, {
          dedupeKey: `once:${i}`,
          to: `person${i}@example.org`,
          subject: `Emne ${i}`,
          text: "Hej",
          attachments: i === 0 ? [{ filename: "a.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" }] : undefined,
        });
      }
      // Enqueuing the same key again keeps the first.
      await enqueueMail(tx, { dedupeKey: "once:0", to: "other@example.org", subject: "Dublet", text: "x" });
    });
    const [w1, w2] = await Promise.all([deliverDueMail({ transport: transport() }), deliverDueMail({ transport: transport() })]);
    expect(w1.sent + w2.sent).toBe(5);
    // A later run finds nothing left to send.
    expect((await deliverDueMail({ transport: transport() })).claimed).toBe(0);

    expect(received.map((r) => r.subject).sort()).toEqual(["Emne 0", "Emne 1", "Emne 2", "Emne 3", "Emne 4"]);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(5);
    expect(received.find((r) => r.subject === "Emne 0")?.attachments).toBe(1);
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "once:" } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it("retries a refused message later with backoff, then sends it", async () => {
    received.length = 0;
    await db.$transaction((tx) => enqueueMail(tx, { dedupeKey: "retry:1", to: "retry@example.org", subject: "Forsøg", text: "Hej" }));
    refuseNext = 1;
    const t0 = new Date();
    expect(await deliverDueMail({ now: t0, transport: transport() })).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    const failed = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry:1" } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toMatch(/Mailbox unavailable/);
    expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));

    // Not due yet: nothing happens. Once due, it goes out.
    expect((await deliverDueMail({ now: new Date(t0.getTime() + 1000), transport: transport() })).claimed).toBe(0);
    expect(await deliverDueMail({ now: new Date(t0.getTime() + backoffMs(1) + 1), transport: transport() })).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.subject)).toEqual(["Forsøg"]);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry:1" } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("backs off exponentially up to six hours", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(6 * 3_600_000);
  });
});

describe("rate limits", () => {
  it("allow `limit` attempts per window per key, counted in the database", async () => {
    const t = new Date("2026-11-27T10:00:00Z");
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await consumeRateLimit("test:ip:1", 2, 60_000, t));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    expect(results[2]!.retryAfterSeconds).toBe(60);
    expect((await consumeRateLimit("test:ip:2", 2, 60_000, t)).allowed).toBe(true);
    expect((await consumeRateLimit("test:ip:1", 2, 60_000, new Date(t.getTime() + 60_001))).allowed).toBe(true);
    expect((await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "test:ip:1" } })).count).toBe(1);
  });
});
