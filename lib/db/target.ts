import path from "node:path";
import { env } from "../env";

/** Where the data lives: a PostgreSQL server, or the embedded PGlite database in a folder (or memory). */
export type DbTarget =
  | { kind: "server"; url: string }
  | { kind: "embedded"; dataDir: string };

export function resolveDbTarget(): DbTarget {
  const e = env();
  if (e.DATABASE_URL) return { kind: "server", url: e.DATABASE_URL };
  const dir = e.PGLITE_DATA_DIR;
  return { kind: "embedded", dataDir: dir.startsWith("memory://") ? dir : path.resolve(dir) };
}

export function describeDbTarget(t: DbTarget): string {
  if (t.kind === "embedded") return `embedded PGlite (${t.dataDir})`;
  const u = new URL(t.url);
  return `PostgreSQL server ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
