/** The demo seed writes fictional people and must never touch a real deployment's database. */
export function assertSeedAllowed(e: NodeJS.ProcessEnv = process.env): void {
  if (e.APP_ENV === "production" || e.NODE_ENV === "production") {
    throw new Error(
      "Refusing to seed: this looks like a production database (APP_ENV or NODE_ENV is 'production').",
    );
  }
}
