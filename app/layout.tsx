import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env().APP_URL),
  title: { default: "Stillads", template: "%s · Stillads" },
  description: "Tilmelding til og afvikling af uddannelsesforløb med flere moduler.",
};

const FOOTER_LINKS = [
  ["/", "Uddannelser"],
  ["/privatliv", "Privatlivspolitik"],
  ["/tilgaengelighed", "Tilgængelighedserklæring"],
  ["/log-ind", "Log ind"],
] as const;

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders at request time: a dynamic page then gets proxy.ts's CSP nonce, and a public
  // page is rendered by the public-page cache when its content changes (lib/public-cache), never at
  // build time (there is no database then). Nothing here reads the visitor's request or cookies, so a
  // cached page is the same for everybody; signed-in staff reach the administration from /log-ind.
  await connection();
  return (
    <html lang="da">
      <body>
        <a className="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <header className="site-header">
          <div className="wrap">
            <a className="brand" href="/">
              Stillads
            </a>
          </div>
        </header>
        <div id="indhold">{children}</div>
        <footer className="site-footer">
          <div className="wrap">
            <nav aria-label="Sidefod">
              <ul className="footer-links">
                {FOOTER_LINKS.map(([href, label]) => (
                  <li key={href}>
                    <a href={href}>{label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
