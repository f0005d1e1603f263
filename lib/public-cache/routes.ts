// Which requests the public-page cache answers. Shared by proxy.ts (no nonce for these: their
// inline scripts are allowed by hash) and scripts/serve.ts (the cache itself). Only pages that show
// the same thing to everybody belong here: nothing with personal data (admin, manage and evaluation
// links), nothing that reads cookies or the query string.

const CACHEABLE_PATHS: RegExp[] = [
  /^\/$/,
  /^\/privatliv$/,
  /^\/tilgaengelighed$/,
  /^\/sitemap\.xml$/,
  /^\/robots\.txt$/,
  /^\/uddannelser\/[a-z0-9-]+$/,
  /^\/uddannelser\/[a-z0-9-]+\/opengraph-image(?:-[a-z0-9]+)?$/,
  /^\/uddannelser\/[a-z0-9-]+\/hold\/[a-z0-9-]+\/tilmelding$/,
];

// Of those, the pages without a client component: served without scripts (html-only.ts). A page
// that gains a form or any other client component must leave this list.
const HTML_ONLY_PATHS: RegExp[] = [/^\/$/, /^\/privatliv$/, /^\/tilgaengelighed$/, /^\/uddannelser\/[a-z0-9-]+$/];

export function isHtmlOnlyPath(pathname: string): boolean {
  return HTML_ONLY_PATHS.some((re) => re.test(pathname));
}

export function isCacheablePath(pathname: string): boolean {
  return CACHEABLE_PATHS.some((re) => re.test(pathname));
}

type HeaderValue = string | string[] | undefined | null;

/**
 * A request the cache may answer: GET or HEAD of a cacheable path, and not one of Next.js's own
 * requests for the React Server Components payload, a prefetch or a server action (those are
 * per-visitor and go to the app as they are).
 */
export function isCacheableRequest(method: string | undefined, pathname: string, search: string, header: (name: string) => HeaderValue): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!isCacheablePath(pathname)) return false;
  if (new URLSearchParams(search).has("_rsc")) return false;
  for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "next-router-segment-prefetch"]) {
    if (header(name) != null) return false;
  }
  return true;
}
