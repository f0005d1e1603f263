// npm run bench -- bundle
// First-load JavaScript of the public programme page: every script the server's HTML for the page
// names (<script src> and <link rel="preload" as="script">, not the nomodule polyfills), fetched from
// a production server and gzipped here with zlib at level 9 (as Next.js's old "First Load JS" column
// did). Turbopack builds print no per-page sizes, so the page's own HTML is the list a browser loads.
import zlib from "node:zlib";
import { PROGRAMME_PATH, withDemoServer } from "./server";

/** The same-origin script URLs an HTML page loads on first view, in document order, without repeats. */
export function scriptUrls(html: string, base: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    // Polyfills carry nomodule: browsers that run the app's modules never download them.
    if (/\snomodule\b/i.test(tag)) continue;
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src) found.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\bas="script"/.test(tag) || !/\brel="(?:preload|modulepreload)"/.test(tag)) continue;
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (href) found.add(href);
  }
  const origin = new URL(base).origin;
  return [...found]
    .map((u) => new URL(u.replace(/&amp;/g, "&"), base))
    .filter((u) => u.origin === origin)
    .map((u) => u.toString());
}

export async function benchBundle(): Promise<string> {
  return withDemoServer(async (server) => {
    const pageUrl = `${server.url}${PROGRAMME_PATH}`;
    const html = await (await fetch(pageUrl)).text();
    const urls = scriptUrls(html, pageUrl);
    if (urls.length === 0) throw new Error(`No scripts found in ${PROGRAMME_PATH}`);
    let raw = 0;
    let gzipped = 0;
    for (const url of urls) {
      // Ask for the plain file: the size is measured here, not as the server happens to compress it.
      const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      raw += body.length;
      gzipped += zlib.gzipSync(body, { level: 9 }).length;
    }
    return `bundle: first_load_js_kb=${(gzipped / 1024).toFixed(1)} files=${urls.length} raw_kb=${(raw / 1024).toFixed(1)}`;
  });
}
