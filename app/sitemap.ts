import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { listPublicProgrammes } from "@/lib/programmes/public";

// Rendered when asked (there is no database at build time) and then served from the public-page cache.
export const dynamic = "force-dynamic";

/** The front page and every published programme's page, for search engines. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().APP_URL;
  const programmes = await listPublicProgrammes();
  return [
    { url: new URL("/", base).toString(), changeFrequency: "weekly", priority: 0.5 },
    ...programmes.map((p) => ({ url: new URL(`/uddannelser/${p.slug}`, base).toString(), lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 1 })),
  ];
}
