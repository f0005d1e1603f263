/**
 * Characters nobody types and the database cannot keep: C0 control characters other than tab and
 * line breaks, and lone UTF-16 surrogates (half an emoji). PostgreSQL refuses a NUL outright, and a
 * lone surrogate makes the embedded database fail or the server store U+FFFD instead; input holding
 * one is refused before it reaches a query.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}
