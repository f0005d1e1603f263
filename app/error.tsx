"use client";

import Link from "next/link";

// A page that failed while rendering (above all: the database was down or swamped) shows this instead
// of a blank page. What went wrong is in the server's log; the visitor gets Danish words and a way on.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="wrap not-found">
      <h1>Siden kunne ikke vises lige nu</h1>
      <p>Der er mange besøgende, eller vi kan ikke nå vores data i øjeblikket. Prøv igen om lidt – intet af det, du har indtastet, er gemt.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Prøv igen
        </button>{" "}
        <Link href="/">Gå til forsiden</Link>
      </p>
    </main>
  );
}
