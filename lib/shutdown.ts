// What a server process must do before it exits on SIGINT (Ctrl-C) or SIGTERM (a supervisor): stop
// taking requests, stop the job loop, close the database. Above all the embedded database: PGlite
// writes its files as it goes, and a process killed mid-write can leave .data/pglite unreadable.
//
// Kept on globalThis, not in module state: Next.js may load this module more than once in one process
// (instrumentation, route bundles), and scripts/serve.ts registers its HTTP server here too.

type Hook = { name: string; order: number; run: () => unknown };
interface Registry {
  hooks: Map<string, Hook>;
  installed: boolean;
  stopping?: Promise<void>;
}

const slot = globalThis as unknown as { __stilladsShutdown?: Registry };
function registry(): Registry {
  slot.__stilladsShutdown ??= { hooks: new Map(), installed: false };
  return slot.__stilladsShutdown;
}

/** Conventional orders: the HTTP server first, then background work, then the database. */
export const SHUTDOWN_ORDER = { httpServer: 10, jobs: 20, database: 90 } as const;

/**
 * Registers (or replaces, by name) what to do on shutdown. Hooks run one after another, lowest
 * `order` first; a failing hook is logged and does not stop the others.
 */
export function onShutdown(name: string, run: () => unknown, order = 50): void {
  registry().hooks.set(name, { name, order, run });
}

/** Runs every hook once (later calls return the same promise), each bounded by `timeoutMs`. */
export function shutdown(timeoutMs = 4_000): Promise<void> {
  const r = registry();
  r.stopping ??= (async () => {
    const hooks = [...r.hooks.values()].sort((a, b) => a.order - b.order);
    for (const hook of hooks) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(hook.run),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (err) {
        console.error(`[shutdown] ${hook.name}:`, err instanceof Error ? err.message : err);
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  return r.stopping;
}

/**
 * Makes SIGINT and SIGTERM run the hooks and then exit. Listeners installed before (`next start`
 * installs its own, which close its server and exit at once) are taken over and run after our hooks,
 * so the process cannot exit with the database still open. Idempotent.
 */
export function exitOnSignals(opts: { timeoutMs?: number } = {}): void {
  const r = registry();
  if (r.installed) return;
  r.installed = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const previous = process.listeners(signal) as Array<(s: NodeJS.Signals) => void>;
    for (const l of previous) process.off(signal, l);
    process.on(signal, () => {
      if (r.stopping) return; // a second Ctrl-C while stopping: keep stopping
      console.log(`[shutdown] ${signal}: stopping`);
      // Whatever happens, the process is gone a little after the hooks' own bounds.
      setTimeout(() => process.exit(1), (opts.timeoutMs ?? 4_000) * (r.hooks.size + 1)).unref();
      void shutdown(opts.timeoutMs).then(() => {
        if (previous.length === 0) process.exit(0);
        for (const l of previous) l(signal);
        setTimeout(() => process.exit(0), 3_000);
      });
    });
  }
}
