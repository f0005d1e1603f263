/**
 * Where to go after signing in: only a path inside the admin area, so a crafted sign-in link can never
 * send anyone to another site (no "//host", no "/\host" that browsers read as "//host", no controls).
 */
export function safeReturnPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  return /^\/admin(?:[/?#][^\\\s\u0000-\u001f\u007f]*)?$/.test(value) && !value.includes("//") ? value : fallback;
}

/**
 * A request body as text, refusing it once it grows past `maxBytes` however it is sent (with a
 * Content-Length or chunked). Returns null when it is too large.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
