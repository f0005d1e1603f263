// Pages that have nothing to hydrate are served as HTML and CSS alone. The programme page, the front
// page and the privacy and accessibility statements contain no client component and link with plain
// <a> elements, so Next.js's runtime and the React Server Components payload (which repeats the page's
// text as data) do nothing for a visitor there but cost a phone its download and its CPU before the
// page settles. Pages with forms (the enrolment form) keep their scripts and hydrate as before.
//
// This runs on HTML that Next.js itself rendered, once per content version, before hashing: the
// served page then has no executable script at all, and its CSP names no script hash.

/** `<script>` elements that run: everything but JSON data blocks such as JSON-LD. */
const EXECUTABLE_SCRIPT = /<script\b(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>[\s\S]*?<\/script>/g;
/** Hints that fetch scripts early (`preload as=script`, `modulepreload`). */
const SCRIPT_HINT = /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;

/** The document without its executable scripts and script preload hints; everything else as rendered. */
export function withoutScripts(html: string): string {
  return html.replace(EXECUTABLE_SCRIPT, "").replace(SCRIPT_HINT, "");
}
