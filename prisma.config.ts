import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource URL from here, not from the schema. The app itself never goes through
// the CLI: lib/db/ builds the client with a driver adapter (server PostgreSQL or embedded PGlite).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused-embedded" },
});
