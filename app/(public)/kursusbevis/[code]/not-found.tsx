import Link from "next/link";

export default function UnknownCertificate() {
  return (
    <main className="wrap narrow">
      <h1>Kursusbeviset findes ikke</h1>
      <p>
        Vi kender ikke den kode. Tjek, at den er skrevet nøjagtigt som på beviset (fem grupper á fire tegn), eller kontakt
        udbyderen af uddannelsen.
      </p>
      <p>
        <Link href="/">Se alle uddannelser</Link>
      </p>
    </main>
  );
}
