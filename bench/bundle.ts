// npm run bench -- bundle
// First-load weight of two public pages: the programme page, served without scripts (it has nothing to
// hydrate), and the enrolment form it links to, which hydrates. Every script the HTML names (<script src>
// and <link rel="preload" as="script">, not the nomodule polyfills) is fetched from a production server
// and gzipped here with zlib at level 9 (as Next.js's old "First Load JS" column did), as is the HTML.
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

interface PageWeight {
  html: string;
  /** The page's HTML as served, gzipped at level 9. */
  htmlGz: number;
  scripts: number;
  jsRaw: number;
  jsGz: number;
}

async function pageWeight(pageUrl: string): Promise<PageWeight> {
  const html = await (await fetch(pageUrl)).text();
  const urls = scriptUrls(html, pageUrl);
  let jsRaw = 0;
  let jsGz = 0;
  for (const url of urls) {
    // Ask for the plain file: the size is measured here, not as the server happens to compress it.
    const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    jsRaw += body.length;
    jsGz += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { html, htmlGz: zlib.gzipSync(Buffer.from(html), { level: 9 }).length, scripts: urls.length, jsRaw, jsGz };
}

const kb = (n: number) => (n / 1024).toFixed(1);

/**
 * The programme page (served without scripts: it has nothing to hydrate) and the enrolment form it
 * links to first (a client component that hydrates): first-load JavaScript and HTML of each.
 */
export async function benchBundle(): Promise<string> {
  return withDemoServer(async (server) => {
    const programme = await pageWeight(`${server.url}${PROGRAMME_PATH}`);
    const formPath = /href="(\/uddannelser\/[^"]+\/tilmelding)"/.exec(programme.html)?.[1];
    if (!formPath) throw new Error(`${PROGRAMME_PATH} links to no enrolment form`);
    const form = await pageWeight(`${server.url}${formPath}`);
    if (form.scripts === 0) throw new Error(`No scripts found in ${formPath}`);
    return (
      `bundle: programme_js_kb=${kb(programme.jsGz)} programme_scripts=${programme.scripts} programme_html_kb=${kb(programme.htmlGz)} ` +
      `form_js_kb=${kb(form.jsGz)} form_scripts=${form.scripts} form_js_raw_kb=${kb(form.jsRaw)} form_html_kb=${kb(form.htmlGz)}`
    );
  });
}
