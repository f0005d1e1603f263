import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tilgængelighedserklæring", description: "Stillads' tilgængelighedserklæring." };

export default function AccessibilityStatementPage() {
  return (
    <main className="wrap narrow">
      <h1 className="page-title">Tilgængelighedserklæring</h1>
      <p>
        Stillads skal kunne bruges af alle, også med skærmlæser, forstørrelse eller kun tastatur. Målet er at leve op til WCAG 2.1 på
        niveau AA, som offentlige myndigheders websteder skal efter lov om tilgængelighed af offentlige organers websteder og
        mobilapplikationer.
      </p>
      <h2>Sådan arbejder vi</h2>
      <ul>
        <li>Siderne bruger semantisk HTML med overskrifter, landemærker og labels på alle formularfelter.</li>
        <li>Fejl i formularer vises ved feltet, læses op af skærmlæsere og beskriver, hvordan de rettes.</li>
        <li>Alt kan betjenes med tastatur, og fokus er altid synligt; der er et link til at springe direkte til indholdet.</li>
        <li>Tilmeldingen virker også uden JavaScript.</li>
        <li>Automatiske test kontrollerer sidernes opbygning, hver gang koden ændres.</li>
      </ul>
      <h2>Kendte begrænsninger</h2>
      <p>Administrationens login kræver JavaScript.</p>
      <h2>Feedback</h2>
      <p>
        Oplever du problemer med tilgængeligheden, så skriv til udbyderen af uddannelsen – kontaktoplysningerne står på uddannelsens side.
        Du kan også klage til Digitaliseringsstyrelsen.
      </p>
    </main>
  );
}
