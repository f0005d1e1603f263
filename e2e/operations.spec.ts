import http from "node:http";
import { expect, test } from "@playwright/test";
import { unique } from "./helpers";

// Requests from a loopback address of the test's own (127.0.0.x), so the rate-limit buckets it fills
// are not the ones the browser specs use (127.0.0.1).
function send(baseURL: string, from: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: from, headers: opts.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** One sign-in attempt through next-auth's credentials endpoint; returns its error code ("" when signed in). */
async function signInAttempt(baseURL: string, from: string, email: string, password: string, forwardedFor?: string) {
  const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await send(baseURL, from, "GET", "/api/auth/csrf", { headers: extra });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await send(baseURL, from, "POST", "/api/auth/callback/credentials", {
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const target = res.headers.location ?? (JSON.parse(res.body || "{}") as { url?: string }).url ?? "";
  return new URL(target, baseURL).searchParams.get("error") ?? "";
}

test.describe("operations", () => {
  test("a client cannot dodge the sign-in limit by sending its own X-Forwarded-For", async ({ baseURL }) => {
    const from = `127.0.0.${10 + Math.floor(Math.random() * 200)}`;
    const run = unique();
    // 20 failures from one connection address, each claiming to come from somewhere else.
    for (let i = 0; i < 20; i++) {
      expect(await signInAttempt(baseURL!, from, `ingen-${run}-${i}@stillads.invalid`, "forkert", `203.0.113.${i}`)).toBe("INVALID");
    }
    // The 21st is refused for the address, whatever it claims.
    expect(await signInAttempt(baseURL!, from, `ingen-${run}-x@stillads.invalid`, "forkert", "198.51.100.99")).toBe("RATE_LIMITED");
    // Another connection address still gets an ordinary answer: the limit follows the connection.
    expect(await signInAttempt(baseURL!, "127.0.0.2", `ingen-${run}-y@stillads.invalid`, "forkert")).toBe("INVALID");
  });
});
