// For plain Node only (bench/fuzz.ts): its ES module loader hands a CommonJS module's whole exports
// object to a default import, where bundlers (Next.js, Vite) unwrap `exports.default`. Do the same.
import credentials from "next-auth/providers/credentials";

const unwrapped = (credentials as unknown as { default?: typeof credentials }).default ?? credentials;
export default unwrapped;
