import Link from "next/link";

export default function UnknownLink() {
  return (
    <main className="wrap narrow">
      <h1>Linket virker ikke</h1>
      <p>
        Linket er ugyldigt eller ikke længere i brug – fx fordi pladsen er overdraget, eller fordi vi har sendt dig et nyere link.
        Brug linket i den seneste mail fra os, eller kontakt udbyderen af uddannelsen.
      </p>
      <p>
        <Link href="/">Se alle uddannelser</Link>
      </p>
    </main>
  );
}
