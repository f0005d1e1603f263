import type { DbTarget } from "../../lib/db/target";

/** The demo seed writes fictional people and must never touch a real deployment's database. */
export function assertSeedAllowed(e: NodeJS.ProcessEnv = process.env): void {
  if (e.APP_ENV === "production" || e.NODE_ENV === "production") {
    throw new Error(
      "Refusing to seed: this looks like a production database (APP_ENV or NODE_ENV is 'production').",
    );
  }
}

/**
 * Whether `npm start` seeds the demo data, whose staff users have passwords printed in the README:
 * into the embedded database (a local try-out) by default; into a PostgreSQL server only when asked
 * with STILLADS_SEED_DEMO=1. STILLADS_SEED_DEMO=0 (or the older SEED_ON_START=false) never seeds.
 */
export function seedOnStart(target: DbTarget, e: NodeJS.ProcessEnv = process.env): boolean {
  const asked = e.STILLADS_SEED_DEMO?.trim().toLowerCase();
  if (asked === "1" || asked === "true") return true;
  if (asked === "0" || asked === "false" || e.SEED_ON_START === "false") return false;
  return target.kind === "embedded";
}
