import type { Metadata } from "next";
import { connection } from "next/server";
import { listPublicProgrammes } from "@/lib/programmes/public";

export const metadata: Metadata = { title: "Uddannelser" };

export default async function HomePage() {
  await connection();
  const programmes = await listPublicProgrammes();
  return (
    <main className="wrap">
      <h1 style={{ marginTop: "2rem" }}>Uddannelser</h1>
      {programmes.length === 0 ? (
        <p>Der er ingen uddannelser at tilmelde sig lige nu.</p>
      ) : (
        <ul className="modules">
          {programmes.map((p) => (
            <li className="card" key={p.slug}>
              <h2 style={{ marginTop: 0 }}>
                <a href={`/uddannelser/${p.slug}`}>{p.title}</a>
              </h2>
              <p>{p.summary}</p>
              <p className="muted">Udbydes af {p.providerName}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
