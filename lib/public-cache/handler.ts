// The public-page cache: answers GET/HEAD of the public pages (routes.ts) from memory, rendered once
// per content version by the app itself, with a CSP naming the sha256 of each inline script of the
// HTML it serves. Runs in scripts/serve.ts in front of Next.js's request handler, in every app
// instance; the instances share nothing but PostgreSQL, whose content version (version.ts, polled
// every second) tells each one when its pages are stale. No database code here.
import { createHash, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { hashedContentSecurityPolicy } from "../security/headers";
import { inlineHashes } from "./inline-hashes";
import { withoutScripts } from "./html-only";
import { isCacheableRequest, isHtmlOnlyPath } from "./routes";
import type { PublicContentState } from "./state";

type Next = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

interface Entry {
  version: string;
  storedAt: number;
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  scriptHashes: string[];
  styleHashes: string[];
  /** A 200 without cookies: may be kept and served to others. Anything else is served once. */
  shareable: boolean;
}

export interface PublicCacheOptions {
  /** The port this server listens on: a miss is rendered by asking it over loopback. */
  port: number;
  state: PublicContentState;
  /** Entries kept at most (least recently used go first). */
  maxEntries?: number;
  /** A page older than this is rendered again even if no version moved (a safety net, not a mechanism). */
  maxAgeMs?: number;
}

// Headers of the rendered response that the cache sets itself, or that must never be shared.
const DROPPED = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "cache-control", "content-security-policy", "set-cookie", "vary"]);
const FILL_HEADER = "x-stillads-fill";

function hashesOf(body: Buffer) {
  const { scripts, styles } = inlineHashes(body.toString("utf8"));
  return { scriptHashes: scripts, styleHashes: styles };
}

export function createPublicCache(opts: PublicCacheOptions) {
  const maxEntries = opts.maxEntries ?? 500;
  const maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
  // A secret per process: a request carrying it is the cache's own render and goes to the app.
  const fillSecret = randomBytes(24).toString("base64url");
  const entries = new Map<string, Entry>();
  const filling = new Map<string, Promise<Entry>>();
  // After a write through this instance, page requests wait for the poll it started (read your writes).
  let refreshing: Promise<void> | null = null;

  function render(path: string, version: string): Promise<Entry> {
    return new Promise<Entry>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: opts.port, path, method: "GET", headers: { [FILL_HEADER]: fillSecret, "accept-encoding": "identity", host: `127.0.0.1:${opts.port}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const rendered = Buffer.concat(chunks);
            const headers: Record<string, string | string[]> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !DROPPED.has(k)) headers[k] = v;
            const type = String(res.headers["content-type"] ?? "");
            const text = /^(text\/|application\/(xml|json|javascript))/.test(type);
            const html = type.startsWith("text/html");
            const cacheable = res.statusCode === 200 && !res.headers["set-cookie"];
            const body = html && res.statusCode === 200 && isHtmlOnlyPath(path) ? Buffer.from(withoutScripts(rendered.toString("utf8"))) : rendered;
            resolve({
              version,
              storedAt: Date.now(),
              status: res.statusCode ?? 500,
              headers,
              body,
              // Compressed once per version, not per request; only worth it for text.
              gzip: text && cacheable ? gzipSync(body, { level: 9 }) : undefined,
              br: text && cacheable ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) : undefined,
              etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
              ...(html ? hashesOf(body) : { scriptHashes: [], styleHashes: [] }),
              shareable: cacheable,
            });
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  async function current(key: string, version: string | undefined): Promise<{ entry: Entry; hit: boolean }> {
    const cached = entries.get(key);
    if (cached && version !== undefined && cached.version === version && Date.now() - cached.storedAt < maxAgeMs) {
      entries.delete(key); // most recently used goes last
      entries.set(key, cached);
      return { entry: cached, hit: true };
    }
    // One render per page and version, however many visitors ask at once.
    const flightKey = `${key}\n${version}`;
    let flight = filling.get(flightKey);
    if (!flight) {
      flight = render(key, version ?? "").finally(() => filling.delete(flightKey));
      filling.set(flightKey, flight);
      flight
        .then((entry) => {
          // Without a known version (the first poll has not answered) nothing is stored.
          if (version === undefined || !entry.shareable) return;
          entries.delete(key);
          entries.set(key, entry);
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        })
        .catch(() => {});
    }
    return { entry: await flight, hit: false };
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: Entry, hit: boolean) {
    const https = req.headers["x-forwarded-proto"] === "https";
    res.statusCode = entry.status;
    for (const [k, v] of Object.entries(entry.headers)) res.setHeader(k, v);
    res.setHeader("Content-Security-Policy", hashedContentSecurityPolicy(entry.scriptHashes, { dev: false, https }, entry.styleHashes));
    res.setHeader("X-Stillads-Cache", hit ? "HIT" : "MISS");
    if (!entry.shareable) {
      res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
      res.setHeader("Content-Length", entry.body.length);
      res.end(req.method === "HEAD" ? undefined : entry.body);
      return;
    }
    // Browsers may keep the page but must ask whether it is current: an ETag answers that with a 304.
    res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
    res.setHeader("ETag", entry.etag);
    res.setHeader("Vary", "Accept-Encoding");
    if (req.headers["if-none-match"] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const accept = String(req.headers["accept-encoding"] ?? "");
    const [body, encoding] = entry.br && /\bbr\b/.test(accept) ? [entry.br, "br"] : entry.gzip && /\bgzip\b/.test(accept) ? [entry.gzip, "gzip"] : [entry.body, undefined];
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return {
    /** Answers the request from the cache, or hands it to the app (`next`). */
    async handle(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
      if (req.headers[FILL_HEADER] === fillSecret) return next(req, res);
      delete req.headers[FILL_HEADER];
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!isCacheableRequest(req.method, url.pathname, url.search, (n) => req.headers[n])) {
        if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
          // A write may have changed a public page: ask for the version again once it is answered.
          res.once("finish", () => {
            const poll = opts.state.refresh().catch(() => {});
            refreshing = poll.finally(() => {
              if (refreshing === poll) refreshing = null;
            });
          });
        }
        return next(req, res);
      }
      if (refreshing) await refreshing;
      try {
        // The key is the path alone: these pages read no query string, so ?utm=… cannot fill the cache.
        const { entry, hit } = await current(url.pathname, opts.state.version);
        send(req, res, entry, hit);
      } catch (err) {
        console.error("[public-cache] render failed:", err instanceof Error ? err.message : err);
        if (!res.headersSent) {
          res.statusCode = 503;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
          res.end("Siden kan ikke vises lige nu — prøv igen om lidt.");
        }
      }
    },
    /** For tests and the benchmark: how many pages are held. */
    size: () => entries.size,
  };
}
