import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "./route";

describe("the benchmark's bare INSERT route", () => {
  it("does not exist unless STILLADS_BENCH_ROUTES=1 (no database touched)", async () => {
    delete process.env.STILLADS_BENCH_ROUTES;
    const res = await POST(new NextRequest("http://localhost/api/bench/insert", { method: "POST", body: "{}" }));
    expect(res.status).toBe(404);
  });
});
