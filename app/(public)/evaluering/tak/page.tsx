import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tak for dit svar", robots: { index: false, follow: false } };

export default function ThanksPage() {
  return (
    <main className="wrap narrow">
      <h1>Tak for dit svar</h1>
      <p className="lead">Dine svar er gemt. De bliver brugt til at gøre uddannelsen bedre for de næste hold.</p>
      <p>Linket i mailen er nu brugt og kan ikke åbnes igen. Du kan lukke siden.</p>
    </main>
  );
}
