import { describe, expect, it } from "vitest";
import { ipFromForwarded } from "./client-ip";

describe("ipFromForwarded", () => {
  it("takes the address the load balancer saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 203.0.113.77"; the load balancer appended the real address.
    expect(ipFromForwarded("203.0.113.77, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(ipFromForwarded(["203.0.113.77", "198.51.100.4"], 1)).toBe("198.51.100.4");
    // Two trusted proxies (a CDN in front of the load balancer): the second from the right.
    expect(ipFromForwarded("203.0.113.77, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("uses the only address there is, and says unknown without one", () => {
    expect(ipFromForwarded("198.51.100.4", 2)).toBe("198.51.100.4");
    expect(ipFromForwarded(" , ", 1)).toBe("unknown");
    expect(ipFromForwarded(undefined, 1)).toBe("unknown");
    expect(ipFromForwarded("x".repeat(500), 1)).toHaveLength(64);
  });

  it("defaults to one trusted proxy from the environment", () => {
    expect(ipFromForwarded("203.0.113.77, 198.51.100.4")).toBe("198.51.100.4");
  });
});
