import type { Metadata } from "next";
import { dataController } from "@/lib/privacy/controller";
import { RETENTION, RETENTION_CLASSES } from "@/lib/privacy/policy";

export const metadata: Metadata = { title: "Privatlivspolitik", description: "Hvem der er dataansvarlig, og hvordan oplysninger om tilmeldte og deltagere behandles." };

// Rendered at build time: the controller comes from the configuration then (see .env.example).
export default function PrivacyPage() {
  const controller = dataController();
  return (
    <main className="wrap narrow">
      <h1 className="page-title">Privatlivspolitik</h1>
      <p>
        Når du tilmelder dig en uddannelse her, behandler vi oplysninger om dig for at kunne administrere din tilmelding, afvikle
        uddannelsen og fakturere din arbejdsplads.
      </p>
      <h2>Dataansvarlig</h2>
      <p>
        {controller.name} er dataansvarlig for behandlingen af dine oplysninger.
      </p>
      <address>
        {controller.name}
        <br />
        {controller.address}
        {controller.cvr ? (
          <>
            <br />
            CVR-nr. {controller.cvr}
          </>
        ) : null}
        <br />
        E-mail: <a href={`mailto:${controller.email}`}>{controller.email}</a>
        <br />
        Telefon: {controller.phone}
      </address>
      <h2>Databeskyttelsesrådgiver</h2>
      <p>
        Har du spørgsmål til, hvordan vi behandler dine oplysninger, kan du også skrive til vores databeskyttelsesrådgiver på{" "}
        <a href={`mailto:${controller.dpoEmail}`}>{controller.dpoEmail}</a>.
      </p>
      <h2>Hvilke oplysninger</h2>
      <ul>
        <li>Navn, e-mail, telefon og stillingsbetegnelse</li>
        <li>Arbejdsplads og fakturaoplysninger (EAN- eller CVR-nummer, att.-person, ordre- eller referencenummer, adresse)</li>
        <li>Kosthensyn og behov for tilgængelighed, som du selv oplyser</li>
        <li>Fremmøde på kursusdagene og tidspunktet for din accept af vilkårene</li>
        <li>Svar på kursusevalueringer – anonymt, når evalueringen er anonym</li>
        <li>Dit implementeringsstillads, hvis du laver et, og navn og e-mail på de kolleger, du deler det med</li>
      </ul>
      <h2>Hvorfor og på hvilket grundlag</h2>
      <p>
        Oplysningerne bruges til at opfylde aftalen om din deltagelse og til fakturering (databeskyttelsesforordningens artikel 6, stk. 1,
        litra b og c). Kosthensyn og tilgængelighedsbehov bruges kun til at tilrettelægge kursusdagene og deles med kursusstedet.
      </p>
      <h2>Hvor længe</h2>
      <p>
        Vi gemmer ikke oplysningerne længere end nødvendigt og sletter eller anonymiserer dem løbende efter disse regler. Et hold er
        afsluttet efter sin sidste kursusdag.
      </p>
      <dl>
        {RETENTION_CLASSES.map((c) => (
          <div key={c.key}>
            <dt>
              <strong>{c.title}</strong>
            </dt>
            <dd>
              {c.what} {c.period}
            </dd>
          </div>
        ))}
      </dl>
      <h2>Dine rettigheder</h2>
      <p>
        Du kan få indsigt i de oplysninger, vi har om dig, få dem rettet eller slettet, når vi ikke længere skal gemme dem, og gøre
        indsigelse. Skriv til {controller.name} på <a href={`mailto:${controller.email}`}>{controller.email}</a> eller til
        databeskyttelsesrådgiveren. Sletter vi dine oplysninger, før
        perioderne ovenfor er gået, beholder vi kun fakturaoplysningerne, så længe bogføringsloven kræver det. Du kan også klage til
        Datatilsynet (<a href="https://www.datatilsynet.dk">datatilsynet.dk</a>).
      </p>
      <h2>Cookies</h2>
      <p>
        Den offentlige del af siden bruger ingen cookies. Administrationen bruger kun de cookies, der er nødvendige for at holde medarbejdere
        logget ind, og de udløber efter {RETENTION.staffSessionHours} timer.
      </p>
    </main>
  );
}
