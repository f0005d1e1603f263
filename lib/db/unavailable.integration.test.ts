import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { POST as enrolRoute } from "@/app/api/tilmeldinger/route";
import { submitEnrolment } from "@/lib/enrolment/submit";
import { runAction } from "@/lib/http/run-action";
import { BUSY_MESSAGE, UNAVAILABLE_MESSAGE } from "@/lib/http/result";
import { runDueJobs } from "@/lib/jobs";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { openDb, type OpenedDb } from "./client";
import { db } from "../db";

// What an applicant, a coordinator and the job loop get when the database is down or swamped.

const testDb = currentTestDb();
const slot = globalThis as unknown as { __stilladsDb?: OpenedDb; __stilladsJobsDb?: OpenedDb };

/** Points the app's client at a server that does not answer, for the length of `work`. */
async function withDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  const down = openDb({ kind: "server", url: "postgresql://postgres@127.0.0.1:1/stillads_down" }, { waitMs: 1_000 });
  slot.__stilladsDb = down;
  try {
    return await work();
  } finally {
    slot.__stilladsDb = testDb;
    await down.close();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("a database that is down", () => {
  it("gives an applicant a 503 with the Danish message, from the rate limit on (JSON and form path)", async () => {
    const { cohort } = await createCohortFixture(testDb.prisma);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const r = await withDatabaseDown(() => submitEnrolment(cohort.id, applicant("down"), "10.9.0.1"));
    expect(r).toEqual({ ok: false, status: 503, message: BUSY_MESSAGE });

    const res = await withDatabaseDown(() =>
      enrolRoute(
        new NextRequest("http://localhost/api/tilmeldinger", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ cohortId: cohort.id, ...applicant("down-json") }),
        }),
      ),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ ok: false, message: BUSY_MESSAGE });
    expect(await testDb.prisma.person.count({ where: { email: { startsWith: "ansoeger-down" } } })).toBe(0);
  });

  it("gives an admin form the Danish 'nothing saved' message, not the generic error", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const state = await withDatabaseDown(() => runAction({ name: "x" }, async () => (await db.cohort.count(), "ok")));
    expect(state).toEqual({ ok: false, message: UNAVAILABLE_MESSAGE, values: { name: "x" } });
  });
});

describe.runIf(testDb.kind === "server")("bounded waits", () => {
  it("answers 503 within the lock timeout when the seat stays locked, instead of queueing", async () => {
    const { cohort } = await createCohortFixture(testDb.prisma, { capacity: 5 });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const bounded = openDb(testDb.target, { size: 4, waitMs: 1_000, lockTimeoutMs: 300, statementTimeoutMs: 5_000 });
    slot.__stilladsDb = bounded;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const isLocked = new Promise<void>((r) => (locked = r));
    // An administrator's long change holds the cohort's row.
    const holder = testDb.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Cohort" WHERE id = ${cohort.id} FOR NO KEY UPDATE`;
        locked();
        await held;
      },
      { timeout: 30_000 },
    );
    try {
      await isLocked;
      const t0 = Date.now();
      const r = await submitEnrolment(cohort.id, applicant("locked-out"), "10.9.0.2");
      expect(r).toEqual({ ok: false, status: 503, message: BUSY_MESSAGE });
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      release();
      await holder;
      slot.__stilladsDb = testDb;
      await bounded.close();
    }
    expect(await testDb.prisma.person.count({ where: { email: "ansoeger-locked-out@kommune.example" } })).toBe(0);
    expect((await testDb.prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).seatsTaken).toBe(0);
  });
});

describe.runIf(testDb.kind === "server")("the job loop under a burst", () => {
  it("runs on its own pool while every connection of the requests' pool is taken", async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const started: Array<Promise<void>> = [];
    // The app's pool (10 connections) all held by open transactions, as in a burst of requests.
    const holders = Array.from({ length: 10 }, () =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          started.push(Promise.resolve());
          await held;
        },
        { maxWait: 30_000, timeout: 60_000 },
      ),
    );
    while (started.length < 10) await new Promise((r) => setTimeout(r, 20));
    try {
      const t0 = Date.now();
      const result = await runDueJobs(new Date("2026-11-27T12:00:00Z"));
      expect(result.offers).toEqual({ expired: 0, promoted: 0 });
      expect(result.evaluationInvitations).not.toBeNull();
      expect(result.evaluationReminders).not.toBeNull();
      expect(result.mail).not.toBeNull();
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      release();
      await Promise.all(holders);
    }
  });
});
