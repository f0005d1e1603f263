// npm run bench -- public-page
// Throughput and latency of the public programme page (served from the public-page cache, regenerated
// when its content changes) next to two baselines of the same production server, measured with
// autocannon in one run: a static route (the prerendered icon) and a dynamic page that needs no
// database (rendered per request with its CSP nonce), so the line shows what the cache saves.
import { createRequire } from "node:module";
import { scriptUrls } from "./bundle";
import { PROGRAMME_PATH, withDemoServer } from "./server";

const CONNECTIONS = Number(process.env.BENCH_PUBLIC_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const WARMUP_SECONDS = 3;

// autocannon ships no type declarations; this is the part of its API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// As a browser asks: Next.js compresses responses for clients that accept it, for pages and files alike.
const headers = { "accept-encoding": "gzip" };

async function measure(url: string) {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed > 0) console.error(`public-page: ${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.requests.total}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts };
}

/** A page rendered per request that reads no database: what every visit cost before the cache. */
const DYNAMIC_PATH = "/tilmelding/overdraget";

/**
 * The static baseline: the cheapest answer the same server gives. No page of the app is prerendered
 * (there is no database at build time; the public pages are cached at run time instead). The app's icon (app/icon.svg, a
 * metadata route) is prerendered at build time and served from Next.js's cache (x-nextjs-cache: HIT)
 * through the same proxy as the page, so the two differ only by rendering and the database. Without
 * such an icon the fallback is a file under /_next/static (served from disk, outside the proxy): the
 * smallest of the page's own scripts.
 */
async function staticBaseline(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const prerendered: Array<{ url: string; proxied: boolean }> = [];
  for (const tag of html.match(/<link\b[^>]*\brel="icon"[^>]*>/g) ?? []) {
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    const url = new URL(href.replace(/&amp;/g, "&"), pageUrl).toString();
    const res = await fetch(url);
    await res.arrayBuffer();
    // favicon.ico is outside the proxy's matcher; the CSP header tells which icons went through it.
    if (res.ok && res.headers.get("x-nextjs-cache") === "HIT") prerendered.push({ url, proxied: res.headers.has("content-security-policy") });
  }
  const icon = prerendered.find((p) => p.proxied) ?? prerendered[0];
  if (icon) return icon.url;
  const sized = await Promise.all(
    scriptUrls(html, pageUrl)
      .filter((u) => new URL(u).pathname.startsWith("/_next/static/"))
      .map(async (url) => ({ url, size: (await (await fetch(url)).arrayBuffer()).byteLength })),
  );
  const smallest = sized.sort((a, b) => a.size - b.size)[0];
  if (!smallest) throw new Error(`No static baseline found for ${PROGRAMME_PATH}`);
  return smallest.url;
}

export async function benchPublicPage(): Promise<string> {
  return withDemoServer(async (server, db) => {
    const pageUrl = `${server.url}${PROGRAMME_PATH}`;
    const staticUrl = await staticBaseline(pageUrl);
    const cacheState = (await fetch(pageUrl)).headers.get("x-stillads-cache") ?? "none";
    const page = await measure(pageUrl);
    const file = await measure(staticUrl);
    const dynamic = await measure(`${server.url}${DYNAMIC_PATH}`);
    return (
      `public-page: db=${db.label} rps=${page.rps.toFixed(1)} p50_ms=${page.p50} p99_ms=${page.p99} non2xx=${page.non2xx} ` +
      `static_rps=${file.rps.toFixed(1)} static_p99_ms=${file.p99} dynamic_rps=${dynamic.rps.toFixed(1)} dynamic_p99_ms=${dynamic.p99} ` +
      `ratio=${(page.rps / file.rps).toFixed(3)} dynamic_ratio=${(page.rps / dynamic.rps).toFixed(2)} cache=${cacheState} ` +
      `static=${new URL(staticUrl).pathname} connections=${CONNECTIONS} seconds=${SECONDS}`
    );
  });
}
