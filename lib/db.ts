import "server-only";
import type { Prisma, PrismaClient } from "./generated/prisma/client";
import { openDb, type OpenedDb } from "./db/client";
import { resolveDbTarget } from "./db/target";
import { onShutdown, SHUTDOWN_ORDER } from "./shutdown";

// The one Prisma client of the app. It is opened on first use, not at import, so that `next build`
// (which imports every route) never opens the embedded database, and cached on globalThis so that
// hot reload in development does not open new pools. Integration tests put their own per-file
// database into the same slot before anything uses it (tests/setup/integration.ts).
const slot = globalThis as unknown as { __stilladsDb?: OpenedDb };

function opened(): OpenedDb {
  if (!slot.__stilladsDb) onShutdown("database", () => slot.__stilladsDb?.close(), SHUTDOWN_ORDER.database);
  slot.__stilladsDb ??= openDb(resolveDbTarget());
  return slot.__stilladsDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = opened().prisma;
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
/** A client inside an interactive transaction, for service functions that must compose. */
export type Tx = Prisma.TransactionClient;
