import { openDb, type OpenedDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createScratchDatabase } from "@/lib/db/scratch";

export type TestDbKind = "embedded" | "server";

export interface TestDb extends OpenedDb {
  kind: TestDbKind;
  /** Connection URL of the scratch server database (server kind only). */
  url?: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a scratch database on the PostgreSQL server
 * named by DATABASE_URL. Migrations are applied the way `npm run db:migrate` applies them.
 */
export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  if (kind === "embedded") {
    const opened = openDb({ kind: "embedded", dataDir: "memory://" });
    await applyMigrations(opened.adapter);
    return { ...opened, kind, destroy: opened.close };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL must name a PostgreSQL server for server integration tests");
  const scratch = await createScratchDatabase(base, { prefix: `stillads_test_${process.pid}` });
  const opened = openDb({ kind: "server", url: scratch.url });
  await applyMigrations(opened.adapter);
  return {
    ...opened,
    kind,
    url: scratch.url,
    destroy: async () => {
      await opened.close();
      await scratch.drop();
    },
  };
}

export function testDbKind(): TestDbKind {
  return process.env.STILLADS_TEST_DB === "server" ? "server" : "embedded";
}

/** The database the integration setup made for the current test file. */
export function currentTestDb(): TestDb {
  const db = (globalThis as unknown as { __stilladsTestDb?: TestDb }).__stilladsTestDb;
  if (!db) throw new Error("No test database: is this an *.integration.test.ts file?");
  return db;
}

/** Tables, columns, indexes, constraints and enums as PostgreSQL reports them, for comparing two databases. */
export async function catalogFingerprint(prisma: OpenedDb["prisma"]) {
  const [columns, indexes, constraints, enums] = await Promise.all([
    prisma.$queryRaw`SELECT table_name, column_name, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    prisma.$queryRaw`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
    prisma.$queryRaw`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
      -- PostgreSQL 18 also lists NOT NULL as constraints (contype n); 15 keeps them on the columns only.
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY conname`,
    prisma.$queryRaw`SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
      ORDER BY t.typname, e.enumsortorder`,
  ]);
  return { columns, indexes, constraints, enums };
}
