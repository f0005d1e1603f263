// The request a fuzzed server action runs in. Outside Next.js there is no request scope, so the
// stubs of next/headers (next-stubs/) read the headers from here; each case sets its own.
let current = new Headers();

/** Sets the headers of the next call; values a real HTTP header cannot carry are left out. */
export function setRequestHeaders(init: Record<string, string>): void {
  const h = new Headers();
  for (const [k, v] of Object.entries(init)) {
    try {
      h.set(k, v);
    } catch {
      // Not a legal header value (a NUL, a newline): no client can send it, so neither do we.
    }
  }
  current = h;
}

export function requestHeaders(): Headers {
  return current;
}
