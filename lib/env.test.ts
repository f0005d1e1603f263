import { describe, expect, it } from "vitest";
import { readEnv, readServerEnv } from "./env";

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

  it("accepts TRUSTED_PROXY_HOPS=0 (no proxy, the default) and names the variable it refuses, with its value", () => {
    expect(readEnv({ TRUSTED_PROXY_HOPS: "0" } as unknown as NodeJS.ProcessEnv).TRUSTED_PROXY_HOPS).toBe(0);
    expect(readEnv({} as NodeJS.ProcessEnv).TRUSTED_PROXY_HOPS).toBe(0);
    expect(() => readEnv({ TRUSTED_PROXY_HOPS: "en" } as unknown as NodeJS.ProcessEnv)).toThrow(/TRUSTED_PROXY_HOPS \("en"\)/);
    expect(() => readEnv({ APP_URL: "localhost" } as unknown as NodeJS.ProcessEnv)).toThrow(/APP_URL/);
  });
});

describe("readServerEnv", () => {
  const secret = "s".repeat(32);
  it("requires a session secret of 32 characters in production, and never prints it", () => {
    expect(() => readServerEnv({ NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv)).toThrow(/NEXTAUTH_SECRET \(unset\): must be set to at least 32/);
    expect(() => readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "kort-hemmelighed" } as unknown as NodeJS.ProcessEnv)).toThrow(/NEXTAUTH_SECRET \(set\)/);
    expect(() => readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "kort-hemmelighed" } as unknown as NodeJS.ProcessEnv)).not.toThrow(/kort-hemmelighed/);
    expect(readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret } as unknown as NodeJS.ProcessEnv).NODE_ENV).toBe("production");
    expect(() => readServerEnv({ NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv)).not.toThrow();
  });

  it("checks every other setting too", () => {
    expect(() => readServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, RATE_LIMIT_ENROL_PER_IP: "-1" } as unknown as NodeJS.ProcessEnv)).toThrow(/RATE_LIMIT_ENROL_PER_IP/);
  });
});
