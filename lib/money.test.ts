import { describe, expect, it } from "vitest";
import { decimalAmount, formatMoney, formatVatRate, kronerToOre, parseKroner, priceBreakdown } from "./money";

const nbsp = (s: string) => s.replace(/\u00a0/g, " ");

describe("priceBreakdown", () => {
  it("adds 25 % Danish VAT to the programme's price in whole øre", () => {
    expect(priceBreakdown(1_295_000, 2500)).toEqual({
      exVatOre: 1_295_000,
      vatOre: 323_750,
      inclVatOre: 1_618_750,
      vatRateBp: 2500,
      currency: "DKK",
    });
  });

  it("rounds half an øre up", () => {
    expect(priceBreakdown(2, 2500).vatOre).toBe(1); // 0.5 øre → 1
    expect(priceBreakdown(1, 2500).vatOre).toBe(0); // 0.25 øre → 0
  });

  it("rejects negative, fractional and absurd inputs", () => {
    expect(() => priceBreakdown(-1, 2500)).toThrow(RangeError);
    expect(() => priceBreakdown(10.5, 2500)).toThrow(RangeError);
    expect(() => priceBreakdown(100, 10001)).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("formats øre as Danish kroner", () => {
    expect(nbsp(formatMoney(1_295_000))).toBe("12.950,00 kr.");
    expect(nbsp(formatMoney(1_618_750))).toBe("16.187,50 kr.");
  });

  it("formats the VAT rate and schema.org amounts", () => {
    expect(nbsp(formatVatRate(2500))).toBe("25 %");
    expect(decimalAmount(1_295_000)).toBe("12950.00");
  });
});

describe("parseKroner", () => {
  it("reads a price the way Danes write it, and the way the site shows it", () => {
    expect(parseKroner("9.500,50")).toBe(950_050);
    expect(parseKroner("9500,50")).toBe(950_050);
    expect(parseKroner("9500.50")).toBe(950_050);
    expect(parseKroner("9500,5")).toBe(950_050);
    expect(parseKroner("9500")).toBe(950_000);
    expect(parseKroner("12.950")).toBe(1_295_000); // a thousands dot, as in "12.950 kr."
    expect(parseKroner("1.295.000,00")).toBe(129_500_000);
    expect(parseKroner(" 12.950,00 kr. ")).toBe(1_295_000);
    expect(parseKroner("12.950,00\u00a0kr.")).toBe(1_295_000);
    expect(parseKroner("0")).toBe(0);
    expect(kronerToOre("9.500,50")).toBe(950_050);
  });

  it("refuses what it cannot read unambiguously", () => {
    for (const bad of ["", "kr.", "9,500.50", "95.00,50", "9500,505", "9500.505", "9.50.0", "-100", "1e5", "12,9,5", "10.000.000", "abc", "9 500,5x"]) {
      expect(parseKroner(bad), bad).toBeNull();
    }
    expect(() => kronerToOre("abc")).toThrow(RangeError);
  });
});
