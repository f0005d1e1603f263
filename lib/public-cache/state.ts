// The bridge between the Next.js app and the server in front of it (scripts/serve.ts), which run in
// one process but are loaded separately: the app's poller (version.ts, started by instrumentation.ts)
// writes here what the public content's version is, and the server reads it to decide whether a
// cached page is still current. No database code here: scripts/serve.ts imports this file directly.

export interface PublicContentState {
  /** The version of everything the public pages show; undefined until the first poll succeeded. */
  version: string | undefined;
  /** Asks the database again now (after a write through this instance); resolves when it has answered. */
  refresh: () => Promise<void>;
}

const slot = globalThis as unknown as { __stilladsPublicContent?: PublicContentState };

export function publicContentState(): PublicContentState {
  slot.__stilladsPublicContent ??= { version: undefined, refresh: async () => {} };
  return slot.__stilladsPublicContent;
}

/** Whether the public pages are served from the cache (STILLADS_PUBLIC_CACHE=off serves every request fresh). */
export function publicCacheEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.STILLADS_PUBLIC_CACHE !== "off" && env.NODE_ENV === "production";
}
