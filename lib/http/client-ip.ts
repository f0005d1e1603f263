import "server-only";
import { headers } from "next/headers";

/**
 * The client's address as the load balancer saw it (first X-Forwarded-For hop), for rate limits.
 * Behind no proxy the header is absent and all anonymous clients share one bucket key per address.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || h.get("x-real-ip") || "unknown").slice(0, 64);
}
