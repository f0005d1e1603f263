import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { can, type Permission, ROLE_LABELS } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Administration", template: "%s · Administration · Stillads" }, robots: { index: false } };

// The admin area's sections, each shown to the roles that may open it (no permission: every staff user).
const NAV: Array<{ href: string; label: string; permission?: Permission }> = [
  { href: "/admin", label: "Oversigt" },
  { href: "/admin/hold", label: "Hold" },
  { href: "/admin/uddannelser", label: "Uddannelser", permission: "programme:read" },
  { href: "/admin/steder", label: "Steder", permission: "venue:update" },
  { href: "/admin/brugere", label: "Brugere", permission: "user:manage" },
  { href: "/admin/personer", label: "Personer", permission: "person:manage" },
  { href: "/admin/fakturering", label: "Fakturering", permission: "invoice:configure" },
  { href: "/admin/logbog", label: "Logbog", permission: "audit:read" },
];

// The layout only shows who is signed in; every page, action and route checks its own permission.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="admin">
      {user && (
        <nav className="admin-nav wrap" aria-label="Administration">
          <ul>
            {NAV.filter((s) => !s.permission || can(user.role, s.permission)).map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
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
