import { describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => [] as string[]);
vi.mock("./enrolment/waitlist", () => ({ expireWaitlistOffers: async () => (calls.push("offers"), 0) }));
vi.mock("./evaluations/invitations", () => ({
  sendDueInvitations: async () => {
    calls.push("invitations");
    throw new Error("boom");
  },
  sendDueReminders: async () => (calls.push("reminders"), 0),
}));
vi.mock("./invoicing/auto", () => ({ issueDueInvoices: async () => (calls.push("invoices"), { cohorts: 0, invoices: 0 }) }));
vi.mock("./invoicing/service", () => ({ sendDueInvoicePdfs: async () => (calls.push("invoice pdfs"), 0) }));
vi.mock("./workspace/progress-mail", () => ({ sendDueWorkspaceMails: async () => (calls.push("workspace"), 0) }));
vi.mock("./mail/worker", () => ({ deliverDueMail: async () => (calls.push("mail"), { sent: 1 }) }));
vi.mock("./rate-limit", () => ({ pruneRateLimits: async () => (calls.push("prune"), 0) }));
vi.mock("./certificates/service", () => ({ sendDueCertificates: async () => (calls.push("certificates"), 0) }));
vi.mock("./reminders/service", () => ({ sendDueModuleReminders: async () => (calls.push("module reminders"), 0) }));

const { runDueJobs } = await import("./jobs");

describe("the job loop", () => {
  it("runs every step even when one fails, so mail still goes out", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runDueJobs(new Date("2026-11-27T12:00:00Z"));
    expect(calls).toEqual(["offers", "invitations", "reminders", "invoices", "invoice pdfs", "certificates", "module reminders", "workspace", "mail", "prune"]);
    expect(result).toEqual({ offers: 0, evaluationInvitations: null, evaluationReminders: 0, invoices: { cohorts: 0, invoices: 0 }, invoicePdfs: 0, certificates: 0, moduleReminders: 0, workspaceMails: 0, mail: { sent: 1 } });
    expect(error).toHaveBeenCalledWith("[jobs] evaluation invitations failed:", "boom");
  });
});

describe("kickJobs", () => {
  it("runs at once, then at most once per gap however often it is kicked", async () => {
    vi.useFakeTimers();
    try {
      const { kickJobs, KICK_GAP_MS } = await import("./jobs");
      vi.spyOn(console, "error").mockImplementation(() => {});
      const runs = () => calls.filter((c) => c === "offers").length;
      const before = runs();
      kickJobs();
      await vi.advanceTimersByTimeAsync(0);
      expect(runs()).toBe(before + 1);
      for (let i = 0; i < 50; i++) kickJobs();
      await vi.advanceTimersByTimeAsync(KICK_GAP_MS / 2);
      expect(runs()).toBe(before + 1);
      await vi.advanceTimersByTimeAsync(KICK_GAP_MS);
      expect(runs()).toBe(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });
});
