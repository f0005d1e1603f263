import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const here = path.dirname(fileURLToPath(import.meta.url));

// Browsers ask for /favicon.ico whatever the page links to; Next.js serves app/favicon.ico there and
// links app/icon.svg from every page.
describe("the site's icons", () => {
  it("has a favicon.ico holding PNG images", () => {
    const ico = readFileSync(path.join(here, "favicon.ico"));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(offset, offset + 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
    }
  });

  it("has an SVG icon", () => {
    expect(readFileSync(path.join(here, "icon.svg"), "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("serves the favicon without a trip through the proxy", () => {
    const source = config.matcher[0]!.source;
    expect(new RegExp(`^${source}$`).test("/favicon.ico")).toBe(false);
    expect(new RegExp(`^${source}$`).test("/admin")).toBe(true);
  });
});
