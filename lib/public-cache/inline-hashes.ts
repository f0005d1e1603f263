import { createHash } from "node:crypto";

// The CSP of a cached page allows exactly its own inline scripts and styles by their sha256, so an
// injected script (which has neither the hash nor a nonce) is blocked. The hashes must be those of
// the HTML actually served, so they are computed from it when it is cached.

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

function hashes(html: string, re: RegExp): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(re)) out.add(`'sha256-${createHash("sha256").update(m[1] ?? "", "utf8").digest("base64")}'`);
  return [...out];
}

export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  return { scripts: hashes(html, INLINE_SCRIPT), styles: hashes(html, INLINE_STYLE) };
}
