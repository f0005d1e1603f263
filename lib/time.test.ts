import { describe, expect, it } from "vitest";
import { copenhagenTime, formatDay, formatTimeRange, localDateIso } from "./time";

describe("copenhagenTime", () => {
  it("converts summer time (UTC+2) and winter time (UTC+1)", () => {
    expect(copenhagenTime("2023-08-21", "09:00").toISOString()).toBe("2023-08-21T07:00:00.000Z");
    expect(copenhagenTime("2027-11-01", "09:00").toISOString()).toBe("2027-11-01T08:00:00.000Z");
  });

  it("handles the days daylight saving starts and ends", () => {
    // 2027-03-28: clocks jump from 02:00 to 03:00; 2027-10-31: from 03:00 back to 02:00.
    expect(copenhagenTime("2027-03-28", "03:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(copenhagenTime("2027-10-31", "12:00").toISOString()).toBe("2027-10-31T11:00:00.000Z");
    expect(() => copenhagenTime("2027-03-28", "02:30")).toThrow(/No such time/);
  });

  it("rejects malformed input", () => {
    expect(() => copenhagenTime("21-08-2023", "09:00")).toThrow();
    expect(() => copenhagenTime("2023-08-21", "9")).toThrow();
    expect(() => copenhagenTime("2023-02-30", "09:00")).toThrow();
  });
});

describe("Danish formatting", () => {
  const start = copenhagenTime("2027-08-23", "09:00");
  const end = copenhagenTime("2027-08-23", "16:00");

  it("writes days and times the Danish way, in Danish time", () => {
    expect(formatDay(start)).toBe("mandag den 23. august 2027");
    expect(formatTimeRange(start, end)).toBe("kl. 09.00–16.00");
  });

  it("gives the local calendar date even when UTC is on another day", () => {
    expect(localDateIso(new Date("2027-08-22T22:30:00Z"))).toBe("2027-08-23");
  });
});
