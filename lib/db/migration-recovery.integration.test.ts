import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentTestDb } from "@/tests/helpers/test-db";
import { applyMigrations, failedMigrations, MIGRATIONS_DIR, resolveMigration } from "./schema-engine";

const db = currentTestDb();

// The real migrations, and then the ones each test adds, in a folder of their own (the tests share
// one database, so a later test's folder holds an earlier test's migrations too).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-migrations-"));
fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
function write(name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function row(name: string) {
  const rows = await db.prisma.$queryRaw<Array<{ finished_at: Date | null; rolled_back_at: Date | null }>>`
    SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = ${name} ORDER BY started_at`;
  return rows;
}

describe("a failed migration", () => {
  it("blocks every later run until resolved as rolled back; the fixed migration then runs", async () => {
    const name = "29990101000000_recovery_rolled_back";
    write(name, `CREATE TABLE "RecoveryProbe" ("id" INTEGER);\nSELECT 1 / 0;\n`);
    await expect(applyMigrations(db.adapter, dir)).rejects.toThrow();
    expect(await failedMigrations(db.adapter)).toEqual([name]);
    await expect(applyMigrations(db.adapter, dir)).rejects.toThrow(new RegExp(name));

    write(name, `CREATE TABLE "RecoveryProbe" ("id" INTEGER);\n`);
    await resolveMigration(db.adapter, name, "rolled-back", dir);
    expect(await failedMigrations(db.adapter)).toEqual([]);
    expect(await applyMigrations(db.adapter, dir)).toEqual([name]);
    const rows = await row(name);
    expect(rows.map((r) => [!!r.finished_at, !!r.rolled_back_at])).toEqual([[false, true], [true, false]]);
    expect(await db.prisma.$queryRaw`SELECT count(*)::int AS n FROM "RecoveryProbe"`).toEqual([{ n: 0 }]);
  });

  it("can be recorded as applied after it was completed by hand, and is not run again", async () => {
    const name = "29990102000000_recovery_applied";
    write(name, `CREATE TABLE "RecoveryByHand" ("id" INTEGER);\nSELECT 1 / 0;\n`);
    await expect(applyMigrations(db.adapter, dir)).rejects.toThrow();
    expect(await failedMigrations(db.adapter)).toEqual([name]);
    await db.prisma.$executeRawUnsafe(`CREATE TABLE "RecoveryByHand" ("id" INTEGER)`);
    await resolveMigration(db.adapter, name, "applied", dir);
    expect(await failedMigrations(db.adapter)).toEqual([]);
    expect(await applyMigrations(db.adapter, dir)).toEqual([]);
    expect((await row(name)).some((r) => r.finished_at && !r.rolled_back_at)).toBe(true);
  });

  it("cannot be resolved under a name the folder does not hold", async () => {
    await expect(resolveMigration(db.adapter, "29990103000000_nowhere", "applied")).rejects.toThrow(/No migration named 29990103000000_nowhere/);
  });
});
