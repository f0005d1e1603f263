import { describe, expect, it } from "vitest";
import { newCertificateCode, normaliseCertificateCode } from "./code";

describe("certificate codes", () => {
  it("are 20 base32 characters in five groups, and differ each time", () => {
    const a = newCertificateCode();
    expect(a).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(Array.from({ length: 200 }, newCertificateCode)).size).toBe(200);
  });

  it("normalise what a person types, and refuse anything that cannot be a code", () => {
    const code = newCertificateCode();
    expect(normaliseCertificateCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normaliseCertificateCode("abcd-efgh-jkmn-pqrs-tvwo")).toBe("ABCD-EFGH-JKMN-PQRS-TVW0");
    expect(normaliseCertificateCode("kort")).toBeNull();
    expect(normaliseCertificateCode("ABCD-EFGH-JKMN-PQRS-TVWU")).toBeNull();
    expect(normaliseCertificateCode(["x"])).toBeNull();
  });
});
