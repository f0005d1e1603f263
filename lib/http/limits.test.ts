import { describe, expect, it } from "vitest";
import { readBodyLimited, safeReturnPath } from "./limits";

describe("safeReturnPath", () => {
  it("keeps paths inside the admin area", () => {
    for (const p of ["/admin", "/admin/hold/abc", "/admin/hold?q=For%C3%A5r", "/admin#x"]) expect(safeReturnPath(p)).toBe(p);
  });
  it("refuses anything that could leave the site or the admin area", () => {
    for (const p of ["//evil.example", "/\\evil.example", "/admin/\\evil", "/admin//evil.example", "https://evil.example", "/admin\n/x", "/administrator", "/", "/uddannelser", ["/admin"], null, "/admin/" + "x".repeat(600)]) {
      expect(safeReturnPath(p)).toBe("/admin");
    }
  });
});

describe("readBodyLimited", () => {
  const chunked = (parts: string[]) =>
    new Request("http://x/", {
      method: "POST",
      body: new ReadableStream({
        start(c) {
          for (const p of parts) c.enqueue(new TextEncoder().encode(p));
          c.close();
        },
      }),
      // @ts-expect-error: Node's fetch needs this for a streamed body
      duplex: "half",
    });

  it("reads a body within the limit, chunked or not", async () => {
    expect(await readBodyLimited(new Request("http://x/", { method: "POST", body: '{"a":1}' }), 100)).toBe('{"a":1}');
    expect(await readBodyLimited(chunked(["{", '"a":', "1}"]), 100)).toBe('{"a":1}');
  });
  it("refuses a body past the limit even without a Content-Length", async () => {
    expect(await readBodyLimited(chunked(["x".repeat(60), "x".repeat(60)]), 100)).toBeNull();
    expect(await readBodyLimited(new Request("http://x/", { method: "POST", body: "x".repeat(101) }), 100)).toBeNull();
  });
});
