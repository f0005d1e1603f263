// The Content-Security-Policy. Dynamic pages get a fresh nonce per request (proxy.ts): only scripts
// with that nonce — Next.js's own — run. Public pages served from the cache (lib/public-cache) have no
// request to take a nonce from; their inline scripts are allowed by their sha256 hashes, computed from
// the HTML actually served. Either way no other inline script runs: there is never 'unsafe-inline' or
// 'unsafe-eval' in script-src outside development. The other security headers are set for every
// response, static files included, in next.config.js.

interface PolicyOptions {
  dev: boolean;
  https: boolean;
}

function policy(scriptSrc: string[], opts: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // React's development build needs eval.
    `script-src 'self' ${scriptSrc.join(" ")}${opts.dev ? " 'unsafe-eval'" : ""}`.trimEnd().replace(/\s+/g, " "),
    // React style attributes are inline styles; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For a page rendered per request: 'strict-dynamic' lets the nonce'd bootstrap load Next's chunks. */
export function contentSecurityPolicy(nonce: string, opts: PolicyOptions): string {
  return policy([`'nonce-${nonce}'`, "'strict-dynamic'"], opts);
}

/**
 * For a cached page: its script files by origin ('self'), its inline scripts by hash. With no hashes
 * (as proxy.ts sends it, before the cache has seen the HTML) no inline script runs at all.
 */
export function hashedContentSecurityPolicy(scriptHashes: string[], opts: PolicyOptions): string {
  return policy(scriptHashes, opts);
}
