import { describe, expect, it } from "vitest";
import { decimalAmount, formatMoney, formatVatRate, priceBreakdown } from "./money";

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
