import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A new, empty database on the PostgreSQL server of `baseUrl`, for tests, e2e and benchmarks.
 * `name` is used as given (dropped first if it exists); otherwise a random one with `prefix`.
 */
export async function createScratchDatabase(baseUrl: string, opts: { prefix?: string; name?: string } = {}) {
  const name = opts.name ?? `${opts.prefix ?? "stillads_scratch"}_${randomBytes(4).toString("hex")}`;
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Invalid scratch database name: ${name}`);
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
