import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPublicCache } from "./handler";
import type { PublicContentState } from "./state";

// A server like scripts/serve.ts with a stand-in for Next.js that counts its renders.
async function serve(app: (req: IncomingMessage, res: ServerResponse) => void) {
  const state: PublicContentState = { version: "v1", refresh: async () => {} };
  const holder: { cache?: ReturnType<typeof createPublicCache> } = {};
  const server = http.createServer((req, res) => void holder.cache!.handle(req, res, app));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const cache = (holder.cache = createPublicCache({ port, state }));
  servers.push(server);
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers, method });
  return { state, cache, get };
}
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const page = (n: number) => `<!DOCTYPE html><html><body><main>Side ${n}</main><script>self.__next_f.push([${n}])</script><script src="/_next/static/a.js"></script><script type="application/ld+json">{"n":${n}}</script></body></html>`;
const FORM = "/uddannelser/kiu/hold/efteraar-2027/tilmelding";
const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("the public-page cache", () => {
  it("renders a page once per content version and serves it with the hashes of exactly its inline scripts", async () => {
    let renders = 0;
    const { state, get } = await serve((_req, res) => {
      renders++;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("strict-transport-security", "max-age=63072000");
      res.end(page(renders));
    });
    const first = await get(FORM);
    expect(first.headers.get("x-stillads-cache")).toBe("MISS");
    expect(await first.text()).toContain("Side 1");
    const second = await get(FORM, { "accept-encoding": "gzip" });
    expect(second.headers.get("x-stillads-cache")).toBe("HIT");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(await second.text()).toContain("Side 1");
    expect(second.headers.get("strict-transport-security")).toBe("max-age=63072000");
    const csp = second.headers.get("content-security-policy")!;
    expect(csp).toContain(`script-src 'self' ${sha("self.__next_f.push([1])")}`);
    expect(csp).not.toMatch(/script-src[^;]*(nonce|unsafe-inline|unsafe-eval|strict-dynamic)/);
    expect(renders).toBe(1);

    state.version = "v2";
    const third = await get(FORM);
    expect(third.headers.get("x-stillads-cache")).toBe("MISS");
    expect(await third.text()).toContain("Side 2");
    expect(third.headers.get("content-security-policy")).toContain(sha("self.__next_f.push([2])"));
  });

  it("serves a page with nothing to hydrate without its scripts, keeping its JSON-LD", async () => {
    const { get } = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(page(1));
    });
    for (const path of ["/privatliv", "/uddannelser/kiu"]) {
      const res = await get(path);
      const html = await res.text();
      expect(html).toBe('<!DOCTYPE html><html><body><main>Side 1</main><script type="application/ld+json">{"n":1}</script></body></html>');
      expect(res.headers.get("content-security-policy")).not.toContain(sha("self.__next_f.push([1])"));
    }
    // A page with a form keeps them.
    expect(await (await get(FORM)).text()).toContain("self.__next_f.push([1])");
  });

  it("renders once however many visitors miss at the same time, and answers a known ETag with 304", async () => {
    let renders = 0;
    const { get } = await serve((_req, res) => {
      renders++;
      setTimeout(() => res.end(page(renders)), 50);
    });
    const all = await Promise.all(Array.from({ length: 20 }, () => get("/")));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(renders).toBe(1);
    const etag = all[0]!.headers.get("etag")!;
    expect((await get("/", { "if-none-match": etag })).status).toBe(304);
  });

  it("hands everything personal to the app, and never stores an answer that is not a plain 200", async () => {
    const seen: string[] = [];
    const { get, cache } = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === "/uddannelser/findes-ikke") res.statusCode = 404;
      if (req.url === "/tilgaengelighed") res.setHeader("set-cookie", "a=b");
      res.end(page(seen.length));
    });
    for (const path of ["/admin", "/tilmelding/abc", "/log-ind"]) expect((await get(path)).headers.get("x-stillads-cache")).toBeNull();
    expect((await get("/uddannelser/x", { rsc: "1" })).headers.get("x-stillads-cache")).toBeNull();
    expect((await get("/uddannelser/x?_rsc=abc")).headers.get("x-stillads-cache")).toBeNull();
    expect((await get("/uddannelser/x", {}, "POST")).headers.get("x-stillads-cache")).toBeNull();
    // A visitor who sends the fill header is not the cache's own render.
    expect((await get("/", { "x-stillads-fill": "guess" })).headers.get("x-stillads-cache")).toBe("MISS");
    const missing = await get("/uddannelser/findes-ikke");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toContain("no-store");
    await get("/uddannelser/findes-ikke");
    await get("/tilgaengelighed");
    expect((await get("/tilgaengelighed")).headers.get("set-cookie")).toBeNull();
    expect(seen.filter((s) => s === "GET /uddannelser/findes-ikke")).toHaveLength(2);
    expect(seen.filter((s) => s === "GET /tilgaengelighed")).toHaveLength(2);
    expect(cache.size()).toBe(1);
  });

  it("after a write through this instance, asks for the version again before serving a page", async () => {
    let renders = 0;
    const { state, get } = await serve((_req, res) => {
      renders++;
      res.end(page(renders));
    });
    await get("/");
    state.refresh = async () => {
      state.version = "after-write";
    };
    await (await get("/admin/uddannelser/x", {}, "POST")).text();
    const next = await get("/");
    expect(await next.text()).toContain("Side 3");
  });
});
