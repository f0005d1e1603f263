import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogFingerprint, createTestDb, currentTestDb } from "@/tests/helpers/test-db";
import { openAdapter } from "./adapter";
import { MIGRATIONS_DIR, applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema, readMigrationList, readSchema } from "./schema-engine";

const db = currentTestDb();

describe("migrations", () => {
  it("record every migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await db.prisma.$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>>`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;
    const list = readMigrationList();
    expect(rows.map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("are idempotent: applying again applies nothing", async () => {
    expect(await applyMigrations(db.adapter)).toEqual([]);
  });

  it("build exactly schema.prisma", async () => {
    // Prisma's introspection runs through the embedded driver (adapter-pg cannot read the catalog's
    // "char" columns), so on a server we compare the catalogs of the two databases instead.
    const embedded = db.kind === "embedded" ? db : await createTestDb("embedded");
    try {
      expect(await diffDatabaseToSchema(embedded.adapter)).toBe("");
      if (db.kind === "server") {
        // PostgreSQL 15 on the server and PGlite's 18 must print back the same definitions.
        expect(await catalogFingerprint(db.prisma)).toEqual(await catalogFingerprint(embedded.prisma));
      }
    } finally {
      if (embedded !== db) await embedded.destroy();
    }
  });
});

describe("schema drift check", () => {
  const shadow = () => openAdapter({ kind: "embedded", dataDir: "memory://" });

  it("finds no difference between schema.prisma and the migrations", async () => {
    const adapter = shadow();
    try {
      expect(await diffMigrationsToSchema(adapter)).toBe("");
    } finally {
      await adapter.close();
    }
  });

  it("fails when a field is added to schema.prisma without a migration", async () => {
    const adapter = shadow();
    const schema = readSchema().replace(/model Venue \{\n/, 'model Venue {\n  parkingNotes String?\n');
    expect(schema).toContain("parkingNotes");
    try {
      const sql = await diffMigrationsToSchema(adapter, { schema });
      expect(sql).toMatch(/ALTER TABLE "Venue" ADD COLUMN\s+"parkingNotes" TEXT/);
    } finally {
      await adapter.close();
    }
  });
});
