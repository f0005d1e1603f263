import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security/headers";

// Runs before every page and route: a fresh CSP nonce per request. Next.js reads the policy from the
// request headers and puts the nonce on its own scripts; the root layout renders dynamically for it.
// Authorization is not decided here: every page and action checks its own permission.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== "production",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
