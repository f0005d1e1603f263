import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

/**
 * The client's address for rate limits, from X-Forwarded-For as the trusted proxies left it. Each
 * proxy appends the address it saw, so the entry TRUSTED_PROXY_HOPS from the right is the one the
 * outermost trusted proxy (the load balancer) saw; anything left of it came from the client and could
 * be anything. Next.js fills the header from the socket when no proxy set it.
 */
export function ipFromForwarded(forwardedFor: string | string[] | null | undefined, hops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = entries[Math.max(0, entries.length - hops)] ?? "unknown";
  return ip.slice(0, 64);
}

/** The client's address of the current request (see ipFromForwarded). */
export async function clientIp(): Promise<string> {
  return ipFromForwarded((await headers()).get("x-forwarded-for"));
}
