import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./bounded";

describe("isDatabaseUnavailable", () => {
  it("recognises timeouts, refused connections and an unreachable server anywhere in the cause chain", () => {
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("lock"), { code: "55P03" }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("p"), { code: "P2028" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("conn"), { code: "08006" }))).toBe(true);
  });

  it("leaves bugs and broken rules alone", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("check"), { code: "23514" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
