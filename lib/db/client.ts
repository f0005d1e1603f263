import { PrismaClient } from "../generated/prisma/client";
import { openAdapter, type OpenedAdapter } from "./adapter";
import type { DbTarget } from "./target";

export interface OpenedDb {
  prisma: PrismaClient;
  adapter: OpenedAdapter;
  close(): Promise<void>;
}

/** Opens a Prisma client on a target. The app uses one (lib/db.ts); scripts and tests open their own. */
export function openDb(target: DbTarget): OpenedDb {
  const adapter = openAdapter(target);
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    adapter,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}
