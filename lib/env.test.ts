import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database", () => {
    const e = readEnv({ NODE_ENV: "test" } as NodeJS.ProcessEnv);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DATA_DIR).toBe(".data/pglite");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(readEnv({ DATABASE_URL: "  " } as unknown as NodeJS.ProcessEnv).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and rejects anything else", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/test";
    expect(readEnv({ DATABASE_URL: url } as unknown as NodeJS.ProcessEnv).DATABASE_URL).toBe(url);
    expect(() => readEnv({ DATABASE_URL: "mysql://x@y/z" } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL/);
  });
});
