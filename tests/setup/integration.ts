import { afterAll } from "vitest";
import { createTestDb, testDbKind } from "../helpers/test-db";

// Each integration test file gets its own fresh, migrated database, installed as the app's client
// (lib/db.ts reads this slot) before the test file imports anything.
const testDb = await createTestDb(testDbKind());
(globalThis as unknown as { __stilladsDb?: unknown; __stilladsTestDb?: unknown }).__stilladsDb = testDb;
(globalThis as unknown as { __stilladsTestDb?: unknown }).__stilladsTestDb = testDb;

afterAll(async () => {
  // The background jobs' own pool (lib/db.ts), when a test opened it, goes before its database.
  const slot = globalThis as unknown as { __stilladsJobsDb?: { close(): Promise<void> } };
  await slot.__stilladsJobsDb?.close();
  slot.__stilladsJobsDb = undefined;
  await testDb.destroy();
});
