import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CohortCard, cohortPriceOre } from "@/components/programme/cohort-card";
import { Price } from "@/components/programme/price";
import { Scores } from "@/components/programme/scores";
import { env } from "@/lib/env";
import { getPublicScores } from "@/lib/evaluations/public-scores";
import { formatMoney } from "@/lib/money";
import { jsonForScript, programmeJsonLd } from "@/lib/programmes/json-ld";
import { getPublicProgramme } from "@/lib/programmes/public";
import { formatDate } from "@/lib/time";

type Props = { params: Promise<{ slug: string }> };

// One database read per request, shared by generateMetadata and the page.
const load = cache(async (slug: string) => {
  await connection(); // rendered per request: enrolment state and scores change while the app runs
  return getPublicProgramme(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await load((await params).slug);
  if (!programme) return { title: "Siden findes ikke" };
  const url = `/uddannelser/${programme.slug}`;
  return {
    title: programme.title,
    description: programme.summary,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      locale: "da_DK",
      url,
      title: programme.title,
      description: programme.summary,
      siteName: "Stillads",
    },
  };
}

export default async function ProgrammePage({ params }: Props) {
  const programme = await load((await params).slug);
  if (!programme) notFound();
  const scores = await getPublicScores(programme.id);
  const { content } = programme;
  const venues = [
    ...new Map(
      [...programme.upcoming, ...programme.past]
        .flatMap((c) => c.sessions.map((s) => s.venue))
        .filter((v) => v !== null)
        .map((v) => [v.id, v]),
    ).values(),
  ];
  const totalDays = programme.modules.reduce((n, m) => n + m.durationDays, 0);
  const upcomingPrices = [...new Set(programme.upcoming.map((c) => cohortPriceOre(c, programme)))];
  const cohortsDiffer = upcomingPrices.some((p) => p !== programme.priceOre);
  const pageUrl = new URL(`/uddannelser/${programme.slug}`, env().APP_URL).toString();

  return (
    <main>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(programmeJsonLd(programme, pageUrl)) }} />
      <article>
        <header className="hero">
          <div className="wrap">
            <p className="eyebrow">
              {programme.providerName}
              {programme.partnerName ? ` i samarbejde med ${programme.partnerName}` : ""}
            </p>
            <h1>{programme.title}</h1>
            <p className="lead">{programme.summary}</p>
            <dl className="facts">
              <div>
                <dt>Forløb</dt>
                <dd>
                  {programme.modules.length} moduler · {totalDays} kursusdage
                </dd>
              </div>
              {venues[0] && (
                <div>
                  <dt>Sted</dt>
                  <dd>
                    {venues[0].name}, {venues[0].city}
                  </dd>
                </div>
              )}
              <div>
                <dt>Pris</dt>
                <dd>
                  {upcomingPrices.length > 1 ? "Fra " : ""}
                  {formatMoney(upcomingPrices.length ? Math.min(...upcomingPrices) : programme.priceOre, programme.currency)} ekskl. moms
                </dd>
              </div>
              <div>
                <dt>Målgruppe</dt>
                <dd>{programme.audience}</dd>
              </div>
            </dl>
            {programme.upcoming.length > 0 && (
              <a className="button" href="#hold-og-tilmelding">
                Se hold og tilmeld dig
              </a>
            )}
          </div>
        </header>

        <div className="wrap layout">
          <div>
            <section aria-labelledby="om">
              <h2 id="om">Om uddannelsen</h2>
              {content.lead.map((p) => (
                <p key={p}>{p}</p>
              ))}
              <p>
                <strong>Målgruppe:</strong> {programme.audience}
              </p>
            </section>

            {content.sections.map((s) => (
              <section key={s.heading}>
                <h2>{s.heading}</h2>
                {s.paragraphs.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </section>
            ))}

            {content.advice && (
              <section aria-labelledby="raad">
                <h2 id="raad">{content.advice.heading}</h2>
                <ol className="advice">
                  {content.advice.items.map((a) => (
                    <li key={a.title}>
                      <strong>{a.title}</strong> {a.text}
                    </li>
                  ))}
                </ol>
              </section>
            )}

            <section aria-labelledby="moduler">
              <h2 id="moduler">Moduler</h2>
              <ol className="modules">
                {programme.modules.map((m) => (
                  <li className="card" key={m.id}>
                    <h3>
                      Modul {m.position}: {m.title}
                    </h3>
                    {m.description && <p>{m.description}</p>}
                    <p className="muted">
                      {m.durationDays} {m.durationDays === 1 ? "dag" : "dage"}
                    </p>
                  </li>
                ))}
              </ol>
            </section>

            <section aria-labelledby="hold-og-tilmelding" id="hold-og-tilmelding">
              <h2>Hold og tilmelding</h2>
              {programme.upcoming.length === 0 ? (
                <p>Der er ingen kommende hold lige nu.</p>
              ) : (
                <div className="modules">
                  {programme.upcoming.map((c) => (
                    <CohortCard key={c.id} cohort={c} programmeSlug={programme.slug} programme={programme} />
                  ))}
                </div>
              )}
              {programme.past.length > 0 && (
                <>
                  <h3>Tidligere hold</h3>
                  <ul>
                    {programme.past.map((c) => (
                      <li key={c.id}>
                        {c.name}
                        {c.firstDay && c.lastDay ? `: ${formatDate(c.firstDay)} – ${formatDate(c.lastDay)}` : ""}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>

            <Scores scores={scores} />

            {programme.instructors.length > 0 && (
              <section aria-labelledby="undervisere">
                <h2 id="undervisere">Undervisere</h2>
                {programme.instructors.map(({ instructor: i }) => (
                  <p key={i.id}>
                    <strong>{i.name}</strong>
                    {i.title ? `, ${i.title.toLowerCase()}` : ""}
                    {i.organisation ? ` i ${i.organisation}` : ""}. {i.bio}
                  </p>
                ))}
              </section>
            )}
          </div>

          <aside aria-label="Praktiske oplysninger">
            <Price priceOre={programme.priceOre} vatRateBp={programme.vatRateBp} currency={programme.currency} includes={programme.priceIncludes} cohortsDiffer={cohortsDiffer} />

            {venues.length > 0 && (
              <section className="aside-box" aria-labelledby="sted">
                <h2 id="sted">Sted</h2>
                {venues.map((v) => (
                  <address key={v.id} data-testid="venue">
                    <strong>{v.name}</strong>
                    <br />
                    {v.street}
                    <br />
                    {v.postalCode} {v.city}
                    {v.accessibilityNotes && (
                      <>
                        <br />
                        <span className="muted">Tilgængelighed: {v.accessibilityNotes}</span>
                      </>
                    )}
                  </address>
                ))}
              </section>
            )}

            <section className="aside-box" aria-labelledby="vilkaar">
              <h2 id="vilkaar">Vilkår</h2>
              <p>{programme.termsText}</p>
              {programme.substitutionAllowed && (
                <p className="muted">Det gør du selv via linket i din tilmeldingsbekræftelse. Vil du afmeldes, kan du bede om det samme sted; en administrator tager stilling.</p>
              )}
            </section>

            {(programme.contactPhone || programme.contactEmail || programme.contactName) && (
              <section className="aside-box" aria-labelledby="kontakt">
                <h2 id="kontakt">Spørgsmål om indholdet?</h2>
                <p>
                  {programme.contactName && (
                    <>
                      <strong>{programme.contactName}</strong>
                      <br />
                    </>
                  )}
                  {programme.contactTitle}
                  {programme.contactPhone && (
                    <>
                      <br />
                      Telefon: <a href={`tel:+45${programme.contactPhone.replace(/\s/g, "")}`}>{programme.contactPhone}</a>
                    </>
                  )}
                  {programme.contactEmail && (
                    <>
                      <br />
                      E-mail: <a href={`mailto:${programme.contactEmail}`}>{programme.contactEmail}</a>
                    </>
                  )}
                </p>
              </section>
            )}
          </aside>
        </div>
      </article>
    </main>
  );
}
