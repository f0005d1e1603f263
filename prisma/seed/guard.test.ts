import { describe, expect, it } from "vitest";
import { assertSeedAllowed } from "./guard";

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
