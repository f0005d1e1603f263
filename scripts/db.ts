// Database commands that work offline on the embedded database and on a PostgreSQL server alike:
//   db:migrate          apply pending migrations (recorded in _prisma_migrations); after a failed one:
//     -- --resolve-rolled-back NAME   its changes are undone: run it again (fixed) now and later
//     -- --resolve-applied NAME       it was completed by hand: record it as applied
//   db:migrate:new NAME write prisma/migrations/<timestamp>_NAME/migration.sql from the schema diff
//   db:check            exit 1 when schema.prisma and the migrations disagree
//   db:reset            drop everything, then migrate (refuses production)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openAdapter } from "../lib/db/adapter";
import { applyMigrations, diffMigrationsToSchema, failedMigrations, MIGRATIONS_DIR, resolveMigration } from "../lib/db/schema-engine";
import { describeDbTarget, resolveDbTarget } from "../lib/db/target";
import { env, loadDotEnvFiles } from "../lib/env";

async function migrate(args: string[] = []) {
  const { values } = parseArgs({ args, options: { "resolve-rolled-back": { type: "string" }, "resolve-applied": { type: "string" } } });
  const target = resolveDbTarget();
  const adapter = openAdapter(target);
  try {
    const rolledBack = values["resolve-rolled-back"];
    const applied = values["resolve-applied"];
    if (rolledBack || applied) {
      await resolveMigration(adapter, (rolledBack ?? applied)!, rolledBack ? "rolled-back" : "applied");
      console.log(`Marked ${rolledBack ?? applied} as ${rolledBack ? "rolled back: it runs again on the next migrate" : "applied: it will not run"} in ${describeDbTarget(target)}.`);
      if (!rolledBack) return;
    }
    let names: string[];
    try {
      names = await applyMigrations(adapter);
    } catch (err) {
      const failed = await failedMigrations(adapter).catch(() => []);
      if (!failed.length) throw err;
      const name = failed.at(-1)!;
      throw new Error(
        `${err instanceof Error ? err.message : err}\n\nThe migration ${name} failed. Find out what it did and fix it, then either\n` +
          `  npm run db:migrate -- --resolve-rolled-back ${name}   when its changes are undone (or it made none): it runs again, fixed\n` +
          `  npm run db:migrate -- --resolve-applied ${name}       when you completed it by hand: it is recorded as applied`,
      );
    }
    console.log(
      names.length
        ? `Applied ${names.length} migration(s) to ${describeDbTarget(target)}: ${names.join(", ")}`
        : `${describeDbTarget(target)} is up to date.`,
    );
  } finally {
    await adapter.close();
  }
}

// The diff runs in an in-memory embedded database, so writing a migration needs no server.
async function pendingSql(): Promise<string> {
  const adapter = openAdapter({ kind: "embedded", dataDir: "memory://" });
  try {
    return await diffMigrationsToSchema(adapter);
  } finally {
    await adapter.close();
  }
}

async function migrateNew(name: string | undefined) {
  if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new Error("Usage: npm run db:migrate:new -- <name>   (lower-case letters, digits and _)");
  }
  const sql = await pendingSql();
  if (!sql.trim()) {
    console.log("schema.prisma and prisma/migrations agree: no migration written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then npm run db:migrate.`);
}

async function check() {
  const sql = await pendingSql();
  if (sql.trim()) {
    console.error("schema.prisma has changes that no migration holds. Run npm run db:migrate:new -- <name>.\n" + sql);
    process.exit(1);
  }
  console.log("schema.prisma and prisma/migrations agree.");
}

async function reset() {
  if (env().APP_ENV === "production" || env().NODE_ENV === "production") {
    throw new Error("Refusing to reset a production database.");
  }
  const target = resolveDbTarget();
  if (target.kind === "embedded") {
    if (!target.dataDir.startsWith("memory://")) fs.rmSync(target.dataDir, { recursive: true, force: true });
  } else {
    const adapter = openAdapter(target);
    const conn = await adapter.factory.connect();
    try {
      await conn.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    } finally {
      await conn.dispose();
      await adapter.close();
    }
  }
  console.log(`Emptied ${describeDbTarget(target)}.`);
  await migrate();
}

loadDotEnvFiles();
const [cmd, arg, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  migrate: () => migrate([arg, ...rest].filter((a): a is string => a !== undefined)),
  "migrate:new": () => migrateNew(arg),
  check,
  reset,
};
const run = cmd ? commands[cmd] : undefined;
if (!run) {
  console.error(`Usage: tsx scripts/db.ts ${Object.keys(commands).join("|")}`);
  process.exit(2);
}
run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
