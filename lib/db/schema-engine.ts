import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";
import type { OpenedAdapter } from "./adapter";

// Prisma's CLI needs a native schema engine that cannot be downloaded on our machines. Prisma also
// publishes the same engine compiled to WebAssembly; driven through our driver adapter it applies
// migrations and records them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so a
// machine with the native engine sees the same history. See ../shared/platform-notes.md.

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = "migration_lock.toml";
const FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let enginePromise: Promise<EngineModule> | undefined;

/**
 * The package imports its .wasm file as an ES module, which Node 20 only allows behind a flag. We load
 * its JS glue and instantiate the WebAssembly ourselves, which works in Node, tsx and Vitest alike.
 */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(
      /* webpackIgnore: true */ path.join(dir, "schema_engine_bg.js")
    )) as EngineModule & { __wbg_set_wasm(w: unknown): void };
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return enginePromise;
}

export function readSchema(schemaPath = SCHEMA_PATH): string {
  return fs.readFileSync(schemaPath, "utf8");
}

interface EngineHandle {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. */
  dispose(): Promise<void>;
}

type Factory = OpenedAdapter["factory"];
type Connection = Awaited<ReturnType<Factory["connect"]>>;

/**
 * The engine opens connections through the factory and never closes them; its advisory migration lock
 * stays held on such a connection, so the next migration run would wait ten seconds for it. We hand
 * the engine a factory that remembers its connections and close them when the engine is done.
 */
export async function createSchemaEngine(adapter: OpenedAdapter, schema = readSchema()): Promise<EngineHandle> {
  const mod = await loadEngineModule();
  const inner = adapter.factory as Factory & { connectToShadowDb?: () => Promise<Connection> };
  const opened: Connection[] = [];
  const track = async (c: Promise<Connection>) => {
    const conn = await c;
    opened.push(conn);
    return wholeScripts(conn);
  };
  const tracking = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    ...(inner.connectToShadowDb ? { connectToShadowDb: () => track(inner.connectToShadowDb!()) } : {}),
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracking as never);
  const log = (line: string) => {
    if (process.env.STILLADS_DEBUG_MIGRATIONS) console.error(line);
  };
  const engine = await mod.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, log, factory);
  return {
    engine,
    dispose: async () => {
      engine.free();
      // The embedded database is one session shared with the app: release the lock explicitly.
      if (adapter.pglite && !adapter.pglite.closed) await adapter.pglite.query("SELECT pg_advisory_unlock_all()");
      await Promise.all(opened.map((c) => c.dispose()));
    },
  };
}

/**
 * Scripts must run whole and be awaited.
 * adapter-pg runs a migration script by splitting it at every ";", which breaks function bodies
 * ($$ … ; … $$) such as the evaluation statistics triggers. node-postgres runs a whole multi-statement
 * script in one simple query instead (and as one implicit transaction), so we hand it the script as is.
 */
function wholeScripts(conn: Connection): Connection {
  const c = conn as Connection & { underlyingDriver?: () => unknown; onError?: (e: unknown) => never; client?: { exec?: (sql: string) => Promise<unknown> } };
  // pglite-prisma-adapter 0.7.2 starts the script and resolves at once, without awaiting it: a failing
  // migration was recorded as applied. Await it, so a failure is a failure (and PGlite runs a
  // multi-statement script as one implicit transaction, so nothing of it stays).
  const awaited = (run: (script: string) => Promise<unknown>) => async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      if (c.onError) c.onError(error);
      throw error;
    }
  };
  const pglite = c.client;
  if (c.adapterName !== "@prisma/adapter-pg" && typeof pglite?.exec === "function") {
    c.executeScript = awaited((script) => pglite.exec!(script));
    return conn;
  }
  const driver = c.underlyingDriver?.() as { query?: (sql: string) => Promise<unknown> } | undefined;
  if (c.adapterName !== "@prisma/adapter-pg" || typeof driver?.query !== "function") return conn;
  c.executeScript = awaited((script) => driver.query!(script));
  return conn;
}

/** The migrations folder in the shape the engine expects, read from disk in name order. */
export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, LOCKFILE);
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names applied. */
export async function applyMigrations(adapter: OpenedAdapter, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { engine, dispose } = await createSchemaEngine(adapter);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(dir), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    await dispose();
  }
}

/**
 * After a migration failed (the engine then refuses every later run), records how it was resolved,
 * as `prisma migrate resolve` does: "rolled-back" when its changes are undone (or it made none) and
 * the fixed migration should run again; "applied" when it was completed by hand and must not run.
 */
export async function resolveMigration(adapter: OpenedAdapter, migrationName: string, as: "rolled-back" | "applied", dir = MIGRATIONS_DIR): Promise<void> {
  const migrationsList = readMigrationList(dir);
  if (!migrationsList.migrationDirectories.some((d) => d.path === migrationName)) {
    throw new Error(`No migration named ${migrationName} in ${dir}.`);
  }
  const { engine, dispose } = await createSchemaEngine(adapter);
  try {
    if (as === "rolled-back") await engine.markMigrationRolledBack({ migrationName });
    else await engine.markMigrationApplied({ migrationName, migrationsList });
  } finally {
    await dispose();
  }
}

/** Migrations that started and did not finish (and are not resolved), newest last. */
export async function failedMigrations(adapter: OpenedAdapter): Promise<string[]> {
  const conn = await adapter.factory.connect();
  try {
    const exists = await conn.queryRaw({ sql: `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`, args: [], argTypes: [] });
    if (!exists.rows[0]?.[0]) return [];
    const r = await conn.queryRaw({
      sql: `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
      args: [],
      argTypes: [],
    });
    return r.rows.map((row) => String(row[0]));
  } finally {
    await conn.dispose();
  }
}

/**
 * The SQL that would bring a database built from the migrations folder to schema.prisma, or "" when
 * they agree. The engine replays the migrations in a shadow database (an in-memory PGlite), so
 * this needs no server. The adapter passed in is only used to open that shadow database.
 */
export async function diffMigrationsToSchema(
  adapter: OpenedAdapter,
  opts: { dir?: string; schema?: string } = {},
): Promise<string> {
  const schema = opts.schema ?? readSchema();
  const { engine, dispose } = await createSchemaEngine(adapter, schema);
  try {
    const list = readMigrationList(opts.dir);
    const result = await engine.diff({
      from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await dispose();
  }
}

/**
 * The SQL that would bring the live database behind `adapter` to schema.prisma, or "" when it matches.
 * Run after applying the migrations, it proves the migrations build exactly the schema on this server
 * version (PostgreSQL prints index predicates and defaults back in its own normal form).
 */
export async function diffDatabaseToSchema(adapter: OpenedAdapter, schema = readSchema()): Promise<string> {
  const { engine, dispose } = await createSchemaEngine(adapter, schema);
  try {
    const files = [{ path: "schema.prisma", content: schema }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: PRISMA_DIR },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await dispose();
  }
}
