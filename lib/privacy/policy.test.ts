import { describe, expect, it } from "vitest";
import { auditCutoff, invoicingCutoff, mailCutoff, participantCutoff, rateLimitCutoff, RETENTION, RETENTION_CLASSES } from "./policy";

describe("retention periods", () => {
  it("anonymise participants two years after the cohort ended", () => {
    expect(participantCutoff(new Date("2027-03-01T10:00:00Z")).toISOString()).toBe("2025-03-01T10:00:00.000Z");
  });

  it("keep invoicing data five years after the end of the financial year, counted in Danish time", () => {
    // On 1 March 2027, cohorts that ended in 2021 or before may go: 2021 ended five years ago on 31 December 2026.
    expect(invoicingCutoff(new Date("2027-03-01T10:00:00Z")).toISOString()).toBe("2021-12-31T23:00:00.000Z");
    // 31 December 2026 23:30 UTC is already 1 January 2027 in Copenhagen.
    expect(invoicingCutoff(new Date("2026-12-31T23:30:00Z")).toISOString()).toBe("2021-12-31T23:00:00.000Z");
    expect(invoicingCutoff(new Date("2026-12-31T22:30:00Z")).toISOString()).toBe("2020-12-31T23:00:00.000Z");
    expect(auditCutoff(new Date("2027-03-01T10:00:00Z")).toISOString()).toBe("2021-12-31T23:00:00.000Z");
  });

  it("drop mail after 90 days and rate-limit counters after a day", () => {
    const now = new Date("2027-03-01T10:00:00Z");
    expect(mailCutoff(now).toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(rateLimitCutoff(now).toISOString()).toBe("2027-02-28T10:00:00.000Z");
  });

  it("are told in the privacy notice with the same numbers", () => {
    const text = RETENTION_CLASSES.map((c) => c.period).join(" ");
    expect(text).toContain(`${RETENTION.participantYears} år efter holdets sidste kursusdag`);
    expect(text).toContain(`${RETENTION.invoicingYears} år efter udgangen af det regnskabsår`);
    expect(text).toContain(`${RETENTION.mailDays} dage`);
  });
});
