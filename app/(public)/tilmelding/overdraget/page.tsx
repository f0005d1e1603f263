import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Pladsen er overdraget", robots: { index: false } };

export default function HandedOverPage() {
  return (
    <main className="wrap narrow">
      <h1>Pladsen er overdraget</h1>
      <p>Din kollega har fået en bekræftelse på mail med sit eget link. Du har også fået en mail om overdragelsen.</p>
      <p>
        <Link href="/">Se alle uddannelser</Link>
      </p>
    </main>
  );
}
