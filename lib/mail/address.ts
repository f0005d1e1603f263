/** Splits "Name <address>" (as in MAIL_FROM) into its parts; a bare address has no name. */
export function parseMailbox(value: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return m ? { name: m[1]!.trim(), address: m[2]!.trim() } : { name: "", address: value.trim() };
}
