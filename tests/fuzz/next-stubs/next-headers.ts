// Stand-in for next/headers while fuzzing outside a Next.js request (Vitest mocks and bench/fuzz.ts).
import { requestHeaders } from "../request-context";

export async function headers(): Promise<Headers> {
  return requestHeaders();
}

export async function cookies() {
  return { get: () => undefined, getAll: () => [], has: () => false };
}
