import { vi } from "vitest";

/**
 * next-auth answers with `session.userId` (null: signed out), so a test calls admin pages, actions and
 * route handlers as a chosen user. Import this module before anything that imports next-auth.
 */
export const session = { userId: null as string | null };
vi.mock("next-auth", async (orig) => ({
  ...(await orig<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.userId ? { userId: session.userId } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
