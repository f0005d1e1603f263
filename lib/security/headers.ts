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

function policy(scriptSrc: string[], opts: PolicyOptions, styleSrc: string[]): string {
  const directives = [
    "default-src 'self'",
    // React's development build needs eval.
    `script-src 'self' ${scriptSrc.join(" ")}${opts.dev ? " 'unsafe-eval'" : ""}`.trimEnd().replace(/\s+/g, " "),
    `style-src 'self'${styleSrc.map((x) => ` ${x}`).join("")}`,
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
  // The admin pages' React style attributes are inline styles; they cannot run code.
  return policy([`'nonce-${nonce}'`, "'strict-dynamic'"], opts, ["'unsafe-inline'"]);
}

/**
 * For a cached page: its script and style files by origin ('self'), its inline scripts and its
 * inlined critical CSS by hash; no style attributes. With no hashes (as proxy.ts sends it, before the
 * cache has seen the HTML) no inline script or style applies at all.
 */
export function hashedContentSecurityPolicy(scriptHashes: string[], opts: PolicyOptions, styleHashes: string[] = []): string {
  return policy(scriptHashes, opts, styleHashes);
}
