// @ts-check
// On every response, static files included; the CSP with its per-request nonce is set in proxy.ts.
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build folder lets a benchmark or an e2e run build beside a developer's own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  poweredByHeader: false,
  // forbidden() answers 403 from the admin area's permission checks.
  // The stylesheet inlined into each page: no render-blocking request before the first paint (the
  // public pages' CSP allows it by hash, see lib/public-cache).
  experimental: { authInterrupts: true, inlineCss: true },
  // These load WebAssembly and data files from their own package folders at run time; bundled copies
  // cannot find them (see ../shared/platform-notes.md).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    // Reads its font metrics and the embedded TTF files from disk at run time.
    "pdfkit",
  ],
};

export default nextConfig;
