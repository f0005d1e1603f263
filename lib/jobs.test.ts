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
vi.mock("./mail/worker", () => ({ deliverDueMail: async () => (calls.push("mail"), { sent: 1 }) }));
vi.mock("./rate-limit", () => ({ pruneRateLimits: async () => (calls.push("prune"), 0) }));

const { runDueJobs } = await import("./jobs");

describe("the job loop", () => {
  it("runs every step even when one fails, so mail still goes out", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runDueJobs(new Date("2026-11-27T12:00:00Z"));
    expect(calls).toEqual(["offers", "invitations", "reminders", "mail", "prune"]);
    expect(result).toEqual({ offers: 0, evaluationInvitations: null, evaluationReminders: 0, mail: { sent: 1 } });
    expect(error).toHaveBeenCalledWith("[jobs] evaluation invitations failed:", "boom");
  });
});
