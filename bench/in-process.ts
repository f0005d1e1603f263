// Lets a benchmark call lib/ code (and the app's actions) in this process, on a database it opened:
// the module hooks of tests/fuzz/node-hooks.mjs resolve "server-only" and next/headers & co. to the
// stand-ins the tests use, and lib/db.ts's client slot holds the given database, exactly as the
// integration tests arrange it. Returns the function that puts the slot back.
import { register } from "node:module";
import type { OpenedDb } from "../lib/db/client";

let registered = false;

export function runLibInProcess(db: OpenedDb): () => void {
  if (!registered) {
    // Applies to ES module imports made after this; registered once per process.
    register("../tests/fuzz/node-hooks.mjs", import.meta.url);
    registered = true;
  }
  const slot = globalThis as unknown as { __stilladsDb?: unknown };
  const previous = slot.__stilladsDb;
  slot.__stilladsDb = db;
  return () => {
    slot.__stilladsDb = previous;
  };
}
