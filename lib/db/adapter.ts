import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DbTarget } from "./target";

/**
 * A Prisma driver-adapter factory for the target, plus a way to release it. Shared by the app's
 * client and the migration runner, so both talk to the database the same way.
 */
export interface OpenedAdapter {
  factory: PrismaPg | PrismaPGlite;
  /** The embedded database, when the target is embedded (tests use it for raw SQL checks). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export function openAdapter(target: DbTarget): OpenedAdapter {
  if (target.kind === "server") {
    // Each app instance keeps a small pool; several instances share one server.
    const factory = new PrismaPg({ connectionString: target.url, max: 10 });
    return { factory, close: async () => {} };
  }
  if (!target.dataDir.startsWith("memory://")) fs.mkdirSync(target.dataDir, { recursive: true });
  // The constructor is synchronous; queries wait for the database to be ready.
  const pglite = new PGlite(target.dataDir);
  return {
    factory: new PrismaPGlite(pglite),
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
