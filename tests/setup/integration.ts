import { afterAll } from "vitest";
import { createTestDb, testDbKind } from "../helpers/test-db";

// Each integration test file gets its own fresh, migrated database, installed as the app's client
// (lib/db.ts reads this slot) before the test file imports anything.
const testDb = await createTestDb(testDbKind());
(globalThis as unknown as { __stilladsDb?: unknown; __stilladsTestDb?: unknown }).__stilladsDb = testDb;
(globalThis as unknown as { __stilladsTestDb?: unknown }).__stilladsTestDb = testDb;

afterAll(async () => {
  await testDb.destroy();
});
