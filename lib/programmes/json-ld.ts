import { decimalAmount, priceBreakdown } from "../money";
import { localDateIso } from "../time";
import type { PublicCohort, PublicProgramme } from "./public";

/** schema.org Course with one CourseInstance per upcoming cohort, for search engines. */
export function programmeJsonLd(p: PublicProgramme, pageUrl: string) {
  const price = priceBreakdown(p.priceOre, p.vatRateBp, p.currency);
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: p.title,
    description: p.summary,
    url: pageUrl,
    inLanguage: "da",
    audience: { "@type": "Audience", audienceType: p.audience },
    provider: { "@type": "Organization", name: p.providerName, ...(p.providerUrl ? { url: p.providerUrl } : {}) },
    offers: {
      "@type": "Offer",
      category: "Paid",
      price: decimalAmount(price.exVatOre),
      priceCurrency: p.currency,
      priceSpecification: { "@type": "PriceSpecification", price: decimalAmount(price.exVatOre), priceCurrency: p.currency, valueAddedTaxIncluded: false },
    },
    hasCourseInstance: p.upcoming.map((c) => {
      const venue = c.sessions.find((s) => s.venue)?.venue;
      return {
        "@type": "CourseInstance",
        name: `${p.title} – ${c.name}`,
        courseMode: "Onsite",
        ...(c.firstDay ? { startDate: localDateIso(c.firstDay) } : {}),
        ...(c.lastDay ? { endDate: localDateIso(c.lastDay) } : {}),
        courseSchedule: {
          "@type": "Schedule",
          repeatCount: c.sessions.reduce((n, s) => n + s.days.length, 0),
          repeatFrequency: "P1D",
        },
        ...(venue
          ? {
              location: {
                "@type": "Place",
                name: venue.name,
                address: {
                  "@type": "PostalAddress",
                  streetAddress: venue.street,
                  postalCode: venue.postalCode,
                  addressLocality: venue.city,
                  addressCountry: venue.country,
                },
              },
            }
          : {}),
        offers: {
          "@type": "Offer",
          price: decimalAmount((c.priceOverrideOre ?? p.priceOre)),
          priceCurrency: p.currency,
          availability: `https://schema.org/${schemaAvailability(c)}`,
        },
      };
    }),
  };
}

/** schema.org's ItemAvailability for what the cohort card says. */
function schemaAvailability(c: Pick<PublicCohort, "state" | "availability">): string {
  if (c.state === "NOT_YET_OPEN") return "PreOrder";
  if (c.state !== "OPEN") return "OutOfStock";
  return { AVAILABLE: "InStock", FEW_LEFT: "LimitedAvailability", FULL: "SoldOut" }[c.availability];
}

/** JSON for a <script> element: "<" escaped so no string in the data can close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
