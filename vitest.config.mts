import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const integrationFiles = ["**/*.integration.test.ts"];
const ignore = ["**/node_modules/**", "e2e/**", ".next/**", "lib/generated/**"];

// Unit tests need no database. Integration tests run once against a fresh embedded database per file
// and, when DATABASE_URL names a PostgreSQL server, once more against a scratch database on it.
export default defineConfig({
  resolve: { alias: { "server-only": path.join(root, "tests/stubs/server-only.ts"), "@": root } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...ignore, ...integrationFiles] } },
      {
        extends: true,
        test: { name: "integration:embedded", include: integrationFiles, exclude: ignore, setupFiles: ["tests/setup/integration.ts"], env: { STILLADS_TEST_DB: "embedded" } },
      },
      ...(process.env.DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: "integration:server", include: integrationFiles, exclude: ignore, setupFiles: ["tests/setup/integration.ts"], env: { STILLADS_TEST_DB: "server" } },
            },
          ]
        : []),
    ],
  },
});
