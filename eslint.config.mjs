import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  // The public pages are served from a cache shared by every visitor (lib/public-cache), and link with
  // plain <a>: next/link would prefetch and navigate with per-visitor React Server Component requests
  // that the cache cannot answer, so every visit would render on the server again.
  { rules: { "@next/next/no-html-link-for-pages": "off" } },
  { ignores: ["lib/generated/**", ".next*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];
export default config;
