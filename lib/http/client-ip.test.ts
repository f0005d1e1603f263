import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";
import { PEER_HEADER, stampPeerAddress } from "./peer-address.mjs";

const h = (init: Record<string, string>) => new Headers(init);

describe("stampPeerAddress", () => {
  it("replaces a client's own x-stillads-peer with the connection's address", async () => {
    const seen: Array<{ headers: http.IncomingHttpHeaders; raw: string[] }> = [];
    const server = http.createServer((req, res) => {
      stampPeerAddress(req);
      seen.push({ headers: { ...req.headers }, raw: [...req.rawHeaders] });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.10" } });
    } finally {
      server.close();
    }
    expect(seen[0]!.headers[PEER_HEADER]).toBe("127.0.0.1");
    expect(seen[0]!.raw.filter((v, i) => i % 2 === 1 && seen[0]!.raw[i - 1]!.toLowerCase() === PEER_HEADER)).toEqual(["127.0.0.1"]);
  });
});

describe("clientIpFrom", () => {
  // The test above has stamped a request in this process, as the server does before any handler.
  it("with no proxy (0 hops) uses the connection's address and ignores X-Forwarded-For", () => {
    expect(clientIpFrom(h({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": "203.0.113.77" }), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.77" }), 0)).toBe("unknown");
  });

  it("behind proxies takes the address the outermost trusted one saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 203.0.113.77"; the load balancer appended the real address.
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.77, 198.51.100.4", [PEER_HEADER]: "10.0.0.1" }), 1)).toBe("198.51.100.4");
    // Two trusted proxies (a CDN in front of the load balancer): the second from the right.
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.77, 198.51.100.4, 10.0.0.2" }), 2)).toBe("198.51.100.4");
  });

  it("falls back to the connection when the header has fewer entries than proxies, and bounds the length", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.4", [PEER_HEADER]: "10.0.0.1" }), 2)).toBe("10.0.0.1");
    expect(clientIpFrom(h({ "x-forwarded-for": " , ", [PEER_HEADER]: "10.0.0.1" }), 1)).toBe("10.0.0.1");
    expect(clientIpFrom(h({ "x-forwarded-for": "x".repeat(500) }), 1)).toHaveLength(64);
  });

  it("defaults to no proxy", () => {
    expect(clientIpFrom(h({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": "203.0.113.77" }))).toBe("198.51.100.4");
  });
});
