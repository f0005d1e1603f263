import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Administration", template: "%s · Administration · Stillads" }, robots: { index: false } };

// The layout only shows who is signed in; every page, action and route checks its own permission.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="admin">
      {user && (
        <nav className="admin-nav wrap" aria-label="Administration">
          <ul>
            <li>
              <Link href="/admin">Oversigt</Link>
            </li>
            <li>
              <Link href="/admin/hold">Hold</Link>
            </li>
            {can(user.role, "programme:read") && (
              <li>
                <Link href="/admin/uddannelser">Uddannelser</Link>
              </li>
            )}
            {can(user.role, "venue:update") && (
              <li>
                <Link href="/admin/steder">Steder</Link>
              </li>
            )}
            {can(user.role, "user:manage") && (
              <li>
                <Link href="/admin/brugere">Brugere</Link>
              </li>
            )}
            {can(user.role, "person:manage") && (
              <li>
                <Link href="/admin/personer">Personer</Link>
              </li>
            )}
            {can(user.role, "invoice:configure") && (
              <li>
                <Link href="/admin/fakturering">Fakturering</Link>
              </li>
            )}
            {can(user.role, "audit:read") && (
              <li>
                <Link href="/admin/logbog">Logbog</Link>
              </li>
            )}
          </ul>
          <p className="muted">
            {user.name} ({ROLE_LABELS[user.role]}) · <SignOutButton />
          </p>
        </nav>
      )}
      {children}
    </div>
  );
}
