import { NextResponse, type NextRequest } from "next/server";
import { isCacheableRequest } from "./lib/public-cache/routes";
import { publicCacheEnabled } from "./lib/public-cache/state";
import { contentSecurityPolicy, hashedContentSecurityPolicy } from "./lib/security/headers";

// Runs before every page and route and sets its Content-Security-Policy. A page rendered per request
// gets a fresh nonce: Next.js reads the policy from the request headers and puts the nonce on its own
// scripts. A public page served from the cache (scripts/serve.ts, lib/public-cache) is rendered once
// for everybody, so it gets no nonce: the cache replaces this strict, hash-less policy with one that
// names the hashes of the page's inline scripts. Authorization is not decided here: every page and
// action checks its own permission.
export function proxy(request: NextRequest) {
  const opts = {
    dev: process.env.NODE_ENV !== "production",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  };
  const requestHeaders = new Headers(request.headers);
  let csp: string;
  if (publicCacheEnabled() && isCacheableRequest(request.method, request.nextUrl.pathname, request.nextUrl.search, (n) => request.headers.get(n))) {
    csp = hashedContentSecurityPolicy([], opts);
    requestHeaders.delete("x-nonce");
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    csp = contentSecurityPolicy(nonce, opts);
    requestHeaders.set("x-nonce", nonce);
  }
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
