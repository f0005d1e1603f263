// A mail's content written once as blocks, rendered to the plain-text part (the canonical body, which
// every client can show) and to an HTML part with the same content: lang="da", real headings, lists and
// links, everything escaped. No layout tables, images or styles that a screen reader would trip over.

export type Block =
  /** A paragraph; line breaks in it are kept. */
  | { p: string }
  /** A heading (h2 in HTML), followed closely by what it heads. */
  | { h: string }
  /** A bulleted list. */
  | { ul: string[] }
  /** A link on a line of its own, after a lead-in sentence: in text "lead\nurl", in HTML a link whose text is `label`. */
  | { link: string; lead: string; label: string }
  /** Label–value lines ("Pris inkl. moms: …"); in HTML a description list. */
  | { pairs: Array<[string, string]> };

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function blockText(b: Block): string {
  if ("p" in b) return b.p;
  if ("h" in b) return b.h;
  if ("ul" in b) return b.ul.map((i) => `  - ${i}`).join("\n");
  if ("link" in b) return `${b.lead}\n${b.link}`;
  return b.pairs.map(([k, v]) => `${k}: ${v}`).join("\n");
}

/** Plain text: blocks separated by a blank line, except that a heading sits directly on what it heads. */
export function renderText(blocks: Block[]): string {
  let out = "";
  blocks.forEach((b, i) => {
    if (i > 0) out += "h" in blocks[i - 1]! ? "\n" : "\n\n";
    out += blockText(b);
  });
  return out;
}

const lines = (s: string) => escapeHtml(s).replace(/\n/g, "<br>\n");

function blockHtml(b: Block): string {
  if ("p" in b) return `<p>${lines(b.p)}</p>`;
  if ("h" in b) return `<h2>${escapeHtml(b.h)}</h2>`;
  if ("ul" in b) return `<ul>\n${b.ul.map((i) => `<li>${escapeHtml(i)}</li>`).join("\n")}\n</ul>`;
  if ("link" in b) {
    // Only web links are ever written; anything else is shown as text, never as an href.
    const href = /^https?:\/\//i.test(b.link) ? b.link : null;
    const label = href ? `<a href="${escapeHtml(href)}">${escapeHtml(b.label)}</a>` : escapeHtml(b.link);
    return `<p>${lines(b.lead)}<br>\n${label}</p>`;
  }
  return `<dl>\n${b.pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("\n")}\n</dl>`;
}

/** A complete HTML document: the subject as its title and as the page's one h1. */
export function renderHtml(subject: string, blocks: Block[]): string {
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="font-family: system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
<h1 style="font-size: 1.4em;">${escapeHtml(subject)}</h1>
${blocks.map(blockHtml).join("\n")}
</body>
</html>
`;
}

export function composeMail(subject: string, blocks: Block[]): ComposedMail {
  return { subject, text: renderText(blocks), html: renderHtml(subject, blocks) };
}
