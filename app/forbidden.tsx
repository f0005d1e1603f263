import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="wrap not-found">
      <h1>Du har ikke adgang til denne side</h1>
      <p>Din rolle giver ikke adgang her. Kontakt en administrator, hvis du mener, du burde have adgang.</p>
      <p>
        <Link href="/admin">Til forsiden af administrationen</Link>
      </p>
    </main>
  );
}
