import { describe, expect, it } from "vitest";
import { ownKey, ownValue } from "./own-key";

describe("ownKey", () => {
  const labels = { DRAFT: "Kladde", PUBLISHED: "Offentliggjort" };

  it("passes the record's own keys", () => {
    expect(ownKey(labels, "DRAFT")).toBe("DRAFT");
    expect(ownValue(labels, "PUBLISHED")).toBe("Offentliggjort");
  });

  it("refuses inherited names, arrays and missing values", () => {
    for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", ["DRAFT"], undefined, null, ""]) {
      expect(ownKey(labels, key)).toBeUndefined();
      expect(ownValue(labels, key)).toBeUndefined();
    }
  });
});
