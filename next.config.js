// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() answers 403 from the admin area's permission checks.
  experimental: { authInterrupts: true },
  // These load WebAssembly and data files from their own package folders at run time; bundled copies
  // cannot find them (see ../shared/platform-notes.md).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
  ],
};

export default nextConfig;
