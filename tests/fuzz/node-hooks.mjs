// Module hooks for running the fuzz harness in plain Node (bench/fuzz.ts, under tsx): the app's
// imports of next/headers, next/cache and next/server's after() need a Next.js request, and
// "server-only" throws outside React's server build, so they resolve to the stand-ins Vitest uses
// (plus one CommonJS default export that bundlers unwrap and Node does not).
// Registered with module.register(); they apply to ES module imports made after registration.
const stubs = {
  "server-only": new URL("../stubs/server-only.ts", import.meta.url).href,
  "next/headers": new URL("./next-stubs/next-headers.ts", import.meta.url).href,
  "next/cache": new URL("./next-stubs/next-cache.ts", import.meta.url).href,
  "next/server": new URL("./next-stubs/next-server.ts", import.meta.url).href,
  "next-auth/providers/credentials": new URL("./next-stubs/next-auth-credentials.ts", import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  const stub = stubs[specifier];
  // A stand-in that wraps the real module imports it by the same name: that import passes through.
  // Resolved through the next hooks (tsx's), so that the .ts stand-ins load as TypeScript.
  if (stub && context.parentURL !== stub) return nextResolve(stub, context);
  return nextResolve(specifier, context);
}
