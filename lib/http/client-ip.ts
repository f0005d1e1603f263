import "server-only";
import { headers } from "next/headers";
import { env } from "../env";
import { PEER_HEADER, peerAddressIsStamped } from "./peer-address.mjs";

/** What a request says about its origin: the headers that matter here. */
export interface AddressHeaders {
  get(name: string): string | null;
}

let warned = false;

/**
 * The client's address for rate limits.
 *
 * With no proxy in front (TRUSTED_PROXY_HOPS=0, the default) it is the TCP connection's address, which
 * the server stamps into `x-stillads-peer` (lib/http/peer-address.mjs); X-Forwarded-For is ignored,
 * because a client can write anything into it. Behind N trusted proxies, each appends the address it
 * saw, so the entry N from the right is the one the outermost trusted proxy (the load balancer) saw;
 * anything left of it came from the client.
 */
export function clientIpFrom(h: AddressHeaders, hops = env().TRUSTED_PROXY_HOPS): string {
  if (hops > 0) {
    const entries = (h.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request did not come through all of them; the connection is
    // then the best we know.
    const ip = entries.length >= hops ? entries[entries.length - hops] : peer(h);
    return (ip ?? "unknown").slice(0, 64);
  }
  return peer(h);
}

function peer(h: AddressHeaders): string {
  if (!peerAddressIsStamped()) {
    // Run without the preload or scripts/serve.ts, the header could come from the client: trust none.
    if (!warned) console.warn(`[client-ip] requests are not stamped with ${PEER_HEADER}: start the server with npm start / npm run start:prod`);
    warned = true;
    return "unknown";
  }
  return (h.get(PEER_HEADER) ?? "unknown").slice(0, 64);
}

/** Headers from a Node request (next-auth hands `authorize` those), for clientIpFrom. */
export function nodeHeaders(raw: Record<string, string | string[] | undefined> | undefined): AddressHeaders {
  return {
    get(name) {
      const v = raw?.[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(",") : v;
    },
  };
}

/** The client's address of the current request (see clientIpFrom). */
export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
