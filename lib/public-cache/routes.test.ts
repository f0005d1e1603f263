import { describe, expect, it } from "vitest";
import { isCacheablePath, isCacheableRequest } from "./routes";

const none = () => undefined;

describe("what the public-page cache answers", () => {
  it("takes the public pages and nothing with personal data", () => {
    for (const p of ["/", "/privatliv", "/tilgaengelighed", "/sitemap.xml", "/robots.txt", "/uddannelser/kiu", "/uddannelser/kiu/hold/efteraar-2027/tilmelding", "/uddannelser/kiu/opengraph-image"]) {
      expect(isCacheablePath(p), p).toBe(true);
    }
    for (const p of ["/admin", "/admin/hold", "/log-ind", "/tilmelding/abc", "/evaluering/abc", "/kursusbevis/ABCD-EFGH-JKMN-PQRS-TVWX", "/api/tilmeldinger", "/uddannelser/kiu/", "/uddannelser/KIU"]) {
      expect(isCacheablePath(p), p).toBe(false);
    }
  });

  it("leaves writes, React Server Component requests and prefetches to the app", () => {
    expect(isCacheableRequest("GET", "/", "", none)).toBe(true);
    expect(isCacheableRequest("HEAD", "/", "", none)).toBe(true);
    expect(isCacheableRequest("POST", "/", "", none)).toBe(false);
    expect(isCacheableRequest("GET", "/", "?_rsc=1a2b", none)).toBe(false);
    expect(isCacheableRequest("GET", "/", "", (n) => (n === "rsc" ? "1" : undefined))).toBe(false);
    expect(isCacheableRequest("GET", "/", "", (n) => (n === "next-router-prefetch" ? "1" : undefined))).toBe(false);
  });
});
