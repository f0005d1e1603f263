import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnavailable } from "../db/bounded";
import { GENERIC_ERROR, UNAVAILABLE_MESSAGE } from "./result";

/**
 * Wraps a route handler so that nothing escapes as an empty 500: a database that is down or swamped
 * answers 503 with a Danish message and Retry-After, anything else unexpected 500 with one. Next.js's
 * own control flow (redirects, forbidden, not found) passes through untouched.
 */
export function guarded<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      unstable_rethrow(err);
      const busy = isDatabaseUnavailable(err);
      if (busy) console.warn("[route] database busy or unreachable:", err instanceof Error ? err.message.split("\n")[0] : err);
      else console.error("[route] unexpected error", err);
      return new Response(busy ? UNAVAILABLE_MESSAGE : GENERIC_ERROR, {
        status: busy ? 503 : 500,
        headers: { "content-type": "text/plain; charset=utf-8", ...(busy ? { "retry-after": "5" } : {}) },
      });
    }
  };
}
