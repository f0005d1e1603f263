import { PrismaClient } from "../generated/prisma/client";
import { openAdapter, type OpenedAdapter, type PoolBounds } from "./adapter";
import type { DbTarget } from "./target";

export interface OpenedDb {
  target: DbTarget;
  prisma: PrismaClient;
  adapter: OpenedAdapter;
  close(): Promise<void>;
}

/** Opens a Prisma client on a target. The app uses one (lib/db.ts); scripts and tests open their own. */
export function openDb(target: DbTarget, bounds: PoolBounds = {}): OpenedDb {
  const adapter = openAdapter(target, bounds);
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    target,
    prisma,
    adapter,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}
