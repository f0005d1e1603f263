import Link from "next/link";

export default function NotFound() {
  return (
    <main className="wrap not-found">
      <h1>Siden findes ikke</h1>
      <p>Vi kunne ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.</p>
      <p>
        <Link href="/">Se alle uddannelser</Link>
      </p>
    </main>
  );
}
