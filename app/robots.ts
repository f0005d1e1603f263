import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Search engines may read the public pages; the administration and the personal links are not for them. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/log-ind", "/tilmelding/", "/evaluering/", "/uddannelser/*/hold/*/tilmelding"] },
    sitemap: new URL("/sitemap.xml", env().APP_URL).toString(),
  };
}
