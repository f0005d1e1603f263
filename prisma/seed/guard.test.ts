import { describe, expect, it } from "vitest";
import { assertSeedAllowed, seedOnStart } from "./guard";

describe("assertSeedAllowed", () => {
  it("refuses a production environment", () => {
    expect(() => assertSeedAllowed({ APP_ENV: "production" } as unknown as NodeJS.ProcessEnv)).toThrow(/Refusing to seed/);
    expect(() => assertSeedAllowed({ NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv)).toThrow(/Refusing to seed/);
  });

  it("allows development and test", () => {
    expect(() => assertSeedAllowed({ NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv)).not.toThrow();
    expect(() => assertSeedAllowed({ NODE_ENV: "test", APP_ENV: "demo" } as unknown as NodeJS.ProcessEnv)).not.toThrow();
  });
});

describe("seedOnStart", () => {
  const embedded = { kind: "embedded" as const, dataDir: "/x" };
  const server = { kind: "server" as const, url: "postgresql://postgres@127.0.0.1/x" };
  const e = (v: Record<string, string>) => v as unknown as NodeJS.ProcessEnv;
  it("seeds the embedded database by default and a server only when asked", () => {
    expect(seedOnStart(embedded, e({}))).toBe(true);
    expect(seedOnStart(server, e({}))).toBe(false);
    expect(seedOnStart(server, e({ STILLADS_SEED_DEMO: "1" }))).toBe(true);
    expect(seedOnStart(server, e({ STILLADS_SEED_DEMO: "true" }))).toBe(true);
    expect(seedOnStart(server, e({ STILLADS_SEED_DEMO: "" }))).toBe(false);
  });
  it("never seeds when told not to", () => {
    expect(seedOnStart(embedded, e({ STILLADS_SEED_DEMO: "0" }))).toBe(false);
    expect(seedOnStart(embedded, e({ SEED_ON_START: "false" }))).toBe(false);
  });
});
