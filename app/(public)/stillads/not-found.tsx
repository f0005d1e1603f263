import Link from "next/link";

export default function UnknownWorkspaceLink() {
  return (
    <main className="wrap narrow">
      <h1>Linket virker ikke</h1>
      <p>
        Linket giver ikke adgang til et implementeringsstillads. Det kan være lukket af den, der delte det, eller pladsen er ikke længere din.
        Brug linket i den seneste mail fra os.
      </p>
      <p>
        <Link href="/">Se alle uddannelser</Link>
      </p>
    </main>
  );
}
