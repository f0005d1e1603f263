// Lets a benchmark call lib/ code in this process, on a database it opened: "server-only" (which
// throws outside a React server bundle) resolves to an empty module, and lib/db.ts's client slot
// holds the given database, exactly as the integration tests arrange it.
import { register } from "node:module";
import type { OpenedDb } from "../lib/db/client";

let registered = false;

export function runLibInProcess(db: OpenedDb): void {
  if (!registered) {
    register("data:text/javascript," + encodeURIComponent(
      `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : n(s, c); }`,
    ));
    registered = true;
  }
  (globalThis as unknown as { __stilladsDb?: OpenedDb }).__stilladsDb = db;
}
