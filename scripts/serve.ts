// The production server: Next.js behind a small Node.js HTTP server that answers the public pages
// from the public-page cache (lib/public-cache) and hands everything else to Next.js as `next start`
// would. `npm start` ends here; so do `npm run start:prod`, the e2e tests and the benchmarks.
//   PORT (3000), HOSTNAME (all interfaces), STILLADS_PUBLIC_CACHE=off serves every page fresh.
import http from "node:http";
import { stampPeerAddress } from "../lib/http/peer-address.mjs";
import { exitOnSignals, onShutdown, SHUTDOWN_ORDER } from "../lib/shutdown";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

const { default: next } = await import("next");
const { createPublicCache } = await import("../lib/public-cache/handler");
const { publicCacheEnabled, publicContentState } = await import("../lib/public-cache/state");

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const cache = publicCacheEnabled() ? createPublicCache({ port, state: publicContentState() }) : null;
const server = http.createServer((req, res) => {
  // First: the connection's address, which the rate limits key on (a client's own copy is dropped).
  stampPeerAddress(req);
  const done = cache ? cache.handle(req, res, handle) : handle(req, res);
  Promise.resolve(done).catch((err: unknown) => {
    console.error("[serve]", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Der opstod en fejl.");
  });
});

server.on("error", (err) => {
  console.error(`Cannot serve on port ${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`Stillads ready on http://${hostname ?? "localhost"}:${port}${cache ? " (public pages from the cache)" : ""}`);
});

// On SIGINT/SIGTERM: stop taking requests and finish those in flight (never waiting long for keep-alive
// sockets), then the job loop and the database close (registered by instrumentation.ts and lib/db.ts).
onShutdown(
  "http server",
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  SHUTDOWN_ORDER.httpServer,
);
exitOnSignals();
