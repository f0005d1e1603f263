import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { publicEntryPoints } from "./entry-points";
import { changeCounter, isClearDanish, runFuzz } from "./harness";
import { setRequestHeaders } from "./request-context";

// Property-based fuzzing of every public server action and route handler (see harness.ts for what is
// checked and entry-points.ts for the list). FUZZ_RUNS sets the cases per entry point (default 200,
// which keeps the file well under a minute); FUZZ_SEED replays a run. `npm run bench -- fuzz` runs
// 10 000 per entry point.

vi.mock("next/headers", () => import("./next-stubs/next-headers"));
vi.mock("next/cache", () => import("./next-stubs/next-cache"));
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), after: vi.fn() }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const { prisma } = currentTestDb();
const entries = await publicEntryPoints(prisma);

describe("public entry points under fuzzing", () => {
  // Errors the app logs for unexpected exceptions are what the fuzz is looking for; keep them in the
  // result, not spread over the test output.
  vi.spyOn(console, "error").mockImplementation(() => {});

  for (const entry of entries) {
    it(`${entry.name}: no crash, Danish refusals, nothing stored on refusal (${RUNS} cases)`, { timeout: 120_000 }, async () => {
      const stats = await runFuzz(entry, { numRuns: RUNS, seed: SEED, mode: "count" });
      expect(stats.examples.join("\n\n")).toBe("");
      expect(stats.cases).toBe(RUNS);
      // The generators must reach both sides, or the properties prove little.
      expect(stats.accepted).toBeGreaterThan(0);
      expect(stats.refused).toBeGreaterThan(RUNS / 4);
    });
  }
});

describe("rate limits still hold for hostile traffic", () => {
  it("refuse the 21st enrolment from one address, the 61st manage-link attempt and the 21st sign-in, in Danish, storing nothing", async () => {
    await prisma.rateLimitBucket.deleteMany();
    const stored = await changeCounter(prisma);
    const { cohort } = await createCohortFixture(prisma);
    const { POST } = await import("@/app/api/tilmeldinger/route");
    const post = (i: number) =>
      POST(
        new NextRequest("http://127.0.0.1/api/tilmeldinger", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
          body: JSON.stringify({ ...applicant(`limit-${i}`, { name: `<script>alert(${i})</script>` }), cohortId: cohort.id }),
        }),
      );
    for (let i = 0; i < 20; i++) expect((await post(i)).status).toBe(201);
    const before = await stored();
    const refused = await post(20);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { ok: boolean; message: string };
    expect(body.ok).toBe(false);
    expect(body.message).toMatch(/^Der er kommet for mange tilmeldinger herfra på kort tid\. Prøv igen om \d+ minutter\.$/);
    expect(isClearDanish(body.message)).toBe(true);
    expect(await stored()).toEqual(before);

    const { updateNeedsAction } = await import("@/app/(public)/tilmelding/[token]/actions");
    setRequestHeaders({ "x-forwarded-for": "203.0.113.8" });
    const fd = new FormData();
    fd.set("dietaryNeeds", "Vegetar");
    const manage = [];
    for (let i = 0; i < 61; i++) manage.push((await updateNeedsAction("A".repeat(43), null, fd))?.message);
    expect(manage[59]).toBe("Linket er ikke gyldigt. Brug linket i den seneste mail, du har fået fra os.");
    expect(manage[60]).toBe("For mange forsøg på kort tid. Prøv igen om lidt.");

    const { authOptions } = await import("@/lib/auth/options");
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }).options.authorize;
    // A new e-mail each time: one e-mail locks after 5 failures; the address's own limit is 20.
    const signIn = (i: number) => authorize({ email: `ingen-${i}@stillads.invalid`, password: "x" }, { headers: { "x-forwarded-for": "203.0.113.9" } }).catch((e: Error) => e.message);
    const reasons = [];
    for (let i = 0; i < 21; i++) reasons.push(await signIn(i));
    expect(reasons.slice(0, 20).every((r) => r === "INVALID")).toBe(true);
    expect(reasons[20]).toBe("RATE_LIMITED");
    expect(await stored()).toEqual(before);
  });
});
