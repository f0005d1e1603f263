import "server-only";
import { notFound } from "next/navigation";
import { ADMIN_PAGES, type AdminPage } from "./admin-routes";
import { requirePermission, type StaffUser } from "./session";

/**
 * Sign in (coming back to this very page) or refuse with the page's permission from ADMIN_PAGES;
 * `params` fill in the page's dynamic segments.
 */
export function requireAdminPage(page: AdminPage, params: Record<string, string> = {}): Promise<StaffUser> {
  return requirePermission(ADMIN_PAGES[page], page.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? ""));
}

/**
 * The head of every admin page about one thing (`/admin/hold/[id]`, …): read the route's params,
 * sign in or refuse (requireAdminPage), ask the domain its one question, and answer 404 when it has no
 * answer (unknown id, or outside a teacher's scope). Returns the params with the user and the answer.
 */
export async function adminDetail<P extends Record<string, string>, T>(
  params: Promise<P>,
  page: AdminPage,
  query: (user: StaffUser, params: P) => Promise<T | null | undefined>,
): Promise<P & { user: StaffUser; data: T }> {
  const p = await params;
  const user = await requireAdminPage(page, p);
  const data = await query(user, p);
  if (data === null || data === undefined) notFound();
  return { ...p, user, data };
}
