import type { Metadata } from "next";
import { ACCESSIBILITY_STATEMENT, dataController } from "@/lib/privacy/controller";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Tilgængelighedserklæring", description: "Tilgængelighedserklæring for tilmeldingssiderne." };

const STATUS_TEXT = {
  fuldt: "fuldt ud overholder",
  delvist: "delvist overholder",
  ikke: "ikke overholder",
} as const;

// Laid out as the Danish statement template asks (was.digst.dk): who, status, what is not accessible,
// how the statement was made and when, how to report a problem, and where to complain. Rendered at
// build time from the configuration.
export default function AccessibilityStatementPage() {
  const controller = dataController();
  const s = ACCESSIBILITY_STATEMENT;
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));
  return (
    <main className="wrap narrow">
      <h1 className="page-title">Tilgængelighedserklæring</h1>
      <p>
        {controller.name} vil gøre siderne til tilmelding, håndtering af tilmeldinger og kursusevaluering tilgængelige for alle, i
        overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.
      </p>
      <h2>Overholdelsesstatus</h2>
      <p>
        Siderne <strong>{STATUS_TEXT[s.status]}</strong> {s.standard}, på grund af de afvigelser, der står nedenfor.
      </p>
      <h2>Indhold, der ikke er tilgængeligt</h2>
      <ul>
        {s.exceptions.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <h2>Sådan er erklæringen udarbejdet</h2>
      <p>
        Erklæringen blev udarbejdet den {day(s.preparedOn)} og senest gennemgået den {day(s.reviewedOn)}. Vurderingen bygger på{" "}
        {s.method}.
      </p>
      <h2>Sådan arbejder vi</h2>
      <ul>
        <li>Siderne bruger semantisk HTML med overskrifter, landemærker og labels på alle formularfelter.</li>
        <li>Fejl i formularer vises ved feltet, læses op af skærmlæsere og beskriver, hvordan de rettes.</li>
        <li>Alt kan betjenes med tastatur, og fokus er altid synligt; der er et link til at springe direkte til indholdet.</li>
        <li>Tilmeldingen virker også uden JavaScript.</li>
      </ul>
      <h2>Feedback og kontaktoplysninger</h2>
      <p>
        Møder du noget på siderne, du ikke kan bruge, eller mangler du indhold i en anden form, så skriv til{" "}
        <a href={`mailto:${controller.accessibilityEmail}?subject=${encodeURIComponent("Tilgængelighed")}`}>{controller.accessibilityEmail}</a> eller
        ring på {controller.phone}. Skriv gerne, hvilken side det drejer sig om, og hvad der gik galt. Vi svarer så hurtigt som muligt.
      </p>
      <h2>Håndhævelsesprocedure</h2>
      <p>
        Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, der fører tilsyn med tilgængeligheden af offentlige
        organers websteder: <a href="https://www.was.digst.dk">was.digst.dk</a>.
      </p>
    </main>
  );
}
