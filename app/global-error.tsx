"use client";

// The last resort when even the root layout fails: a whole, Danish page of its own.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="da">
      <body>
        <main style={{ maxWidth: "40rem", margin: "3rem auto", padding: "0 1rem", fontFamily: "system-ui, sans-serif", lineHeight: 1.5 }}>
          <h1>Siden kunne ikke vises lige nu</h1>
          <p>Der er mange besøgende, eller vi kan ikke nå vores data i øjeblikket. Prøv igen om lidt.</p>
          <p>
            <button type="button" onClick={() => reset()}>
              Prøv igen
            </button>{" "}
            {/* A full page load on purpose: the app's own layout is what failed. */}
            <a href="/">Gå til forsiden</a>
          </p>
        </main>
      </body>
    </html>
  );
}
