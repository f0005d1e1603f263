import { describe, expect, it } from "vitest";
import { totalsOf, vatOf } from "./document";

describe("invoice arithmetic in øre", () => {
  it("rounds VAT half away from zero", () => {
    expect(vatOf(1_900_000, 2500)).toBe(475_000);
    expect(vatOf(2, 2500)).toBe(1); // 0.5 øre up
    expect(vatOf(-2, 2500)).toBe(-1); // and a credit's down
    expect(vatOf(1, 2500)).toBe(0);
  });

  it("adds VAT per rate on the rate's sum, so every total is the exact sum of what the document shows", () => {
    const lines = [
      { netOre: 1_900_001, vatRateBp: 2500 },
      { netOre: 1_900_001, vatRateBp: 2500 },
      { netOre: 50_000, vatRateBp: 0 },
    ];
    const t = totalsOf(lines);
    expect(t.breakdown).toEqual([
      { vatRateBp: 2500, taxableOre: 3_800_002, vatOre: 950_001 }, // 950 000.5 rounds up once, not twice
      { vatRateBp: 0, taxableOre: 50_000, vatOre: 0 },
    ]);
    expect(t).toMatchObject({ netOre: 3_850_002, vatOre: 950_001, grossOre: 4_800_003 });
  });
});
