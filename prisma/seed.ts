// npm run db:seed — the demo data on the configured database (embedded unless DATABASE_URL is set).
import { openDb } from "../lib/db/client";
import { describeDbTarget, resolveDbTarget } from "../lib/db/target";
import { seedDemo } from "./seed/demo";
import { seedDemoInvoices } from "./seed/invoicing";
import { assertSeedAllowed } from "./seed/guard";
import { loadDotEnvFiles } from "../lib/env";

async function main() {
  loadDotEnvFiles();
  assertSeedAllowed();
  const target = resolveDbTarget();
  const db = openDb(target);
  try {
    const { cohorts } = await seedDemo(db.prisma);
    // The invoicing service runs on the app's client (lib/db.ts): this one. Needs the react-server
    // condition (package.json runs the seed so), since lib/ modules are server-only.
    (globalThis as unknown as { __stilladsDb?: unknown }).__stilladsDb = db;
    await seedDemoInvoices(db.prisma, cohorts);
    console.log(`Seeded the demo programme (${Object.keys(cohorts).length} cohorts) in ${describeDbTarget(target)}.`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
