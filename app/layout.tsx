import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env().APP_URL),
  title: { default: "Stillads", template: "%s · Stillads" },
  description: "Tilmelding til og afvikling af uddannelsesforløb med flere moduler.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Who the footer is for: staff who are signed in get a link to the administration. Visitors without a
 * session cookie cost nothing, and a failure to read a session (e.g. a missing NEXTAUTH_SECRET) must
 * never take a public page down with it: the footer then just offers to sign in.
 */
async function footerUser() {
  const jar = await cookies();
  if (!jar.getAll().some((c) => c.name.endsWith("next-auth.session-token"))) return null;
  try {
    return await currentUser();
  } catch (err) {
    console.error("[layout] could not read the session:", err instanceof Error ? err.message : err);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each gets proxy.ts's CSP nonce.
  await headers();
  const user = await footerUser();
  return (
    <html lang="da">
      <body>
        <a className="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link className="brand" href="/">
              Stillads
            </Link>
          </div>
        </header>
        <div id="indhold">{children}</div>
        <footer className="site-footer">
          <div className="wrap">
            <nav aria-label="Sidefod">
              <ul className="footer-links">
                <li>
                  <Link href="/">Uddannelser</Link>
                </li>
                <li>
                  <Link href="/privatliv">Privatlivspolitik</Link>
                </li>
                <li>
                  <Link href="/tilgaengelighed">Tilgængelighedserklæring</Link>
                </li>
                <li>{user ? <Link href="/admin">Administration</Link> : <Link href="/log-ind">Log ind</Link>}</li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
