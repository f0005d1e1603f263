import { expect, type Page } from "@playwright/test";
import type { Role } from "../lib/auth/permissions";
import { DEMO_USERS } from "../prisma/seed/demo";

/** A suffix no other test run uses, for e-mails, slugs and keys. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Signs in as the demo user of the role, landing on the dashboard. */
export async function signIn(page: Page, role: Role) {
  const u = DEMO_USERS.find((x) => x.role === role)!;
  await page.goto("/log-ind");
  await page.getByLabel(/^E-mail/).fill(u.email);
  await page.getByLabel(/^Adgangskode/).fill(u.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** What a municipal applicant (Københavns Kommune) posts to the public JSON endpoint besides name and e-mail. */
export const MUNICIPAL_APPLICANT = {
  phone: "12345678", jobTitle: "Konsulent", orgType: "MUNICIPALITY", municipalityCode: "101", ean: "5798000416604", invoiceAttention: "Økonomi",
  billingStreet: "Rådhuspladsen 1", billingPostalCode: "1550", billingCity: "København V", acceptTerms: true, acceptPrivacy: true,
} as const;

/** Enrols a municipal participant through the public JSON endpoint. */
export async function enrolByApi(page: Page, cohortId: string, n: string) {
  const res = await page.request.post("/api/tilmeldinger", {
    data: { ...MUNICIPAL_APPLICANT, cohortId, name: `Deltager ${n}`, email: `deltager-${n}@kommune.example` },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).data as { status: string };
}

/** Fills the public enrolment form as a municipal applicant (Syddjurs Kommune, EAN, invoice address, both consents). */
export async function fillApplicant(page: Page, email: string) {
  await page.getByLabel(/^Navn/).fill("Mette Hansen");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel("Telefon").fill("87 53 50 00");
  await page.getByLabel("Stillingsbetegnelse").fill("Digitaliseringskonsulent");
  await page.getByLabel("En kommune").check();
  await page.getByLabel(/^Kommune/).selectOption({ label: "Syddjurs Kommune" });
  await page.getByLabel("EAN-nummer").fill("5798000416604");
  await page.getByLabel("Fakturaadresse").fill("Lundbergsvej 2");
  await page.getByLabel("Postnummer").fill("8400");
  await page.getByRole("textbox", { name: "By", exact: true }).fill("Ebeltoft");
  await page.getByLabel("Fakturaen mærkes att.").fill("Økonomiafdelingen");
  await page.getByLabel("Ordre- eller referencenummer").fill("PO-2027-17");
  await page.getByLabel("Kosthensyn").fill("Vegetar");
  await page.getByLabel("Jeg accepterer, at tilmeldingen er bindende").check();
  await page.getByLabel(/Jeg accepterer, at mine oplysninger/).check();
}

/**
 * Creates and publishes a cohort of the demo programme at KL-huset through the admin form (the page must
 * be signed in as staff who may create cohorts): its own days, so no other spec's enrolments meet it.
 */
export async function createPublishedCohort(
  page: Page,
  c: { name: string; slug: string; capacity: number; closesAt: string; days: readonly [readonly [string, string], readonly [string, string]] },
): Promise<string> {
  await page.goto("/admin/hold/ny");
  await page.getByLabel(/^Navn/).fill(c.name);
  await page.getByLabel(/^Adresse/).fill(c.slug);
  await page.getByLabel(/^Antal pladser/).fill(String(c.capacity));
  await page.getByLabel(/^Tilmelding åbner/).fill("2026-01-01");
  await page.getByLabel(/^Tilmeldingsfrist/).fill(c.closesAt);
  for (const [i, [first, second]] of c.days.entries()) {
    const m = page.getByRole("group", { name: new RegExp(`Modul ${i + 1}`) });
    await m.getByLabel(/^Sted/).selectOption({ label: "KL-huset, Weidekampsgade 10, 2300 København S" });
    await m.getByLabel(/^Dag 1/).fill(first);
    await m.getByLabel(/^Dag 2/).fill(second);
  }
  await page.getByRole("button", { name: "Opret hold som kladde" }).click();
  await expect(page).toHaveURL(/\/admin\/hold\/[a-z0-9]+\?oprettet=1$/);
  const cohortId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByLabel(/^Holdets status/).selectOption("PUBLISHED");
  await page.getByRole("button", { name: "Gem status" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status er ændret." })).toHaveText("Status er ændret.");
  return cohortId;
}

/** Two days in each of two months of 2029, on a day of the month picked at random (1–21). */
export function daysIn2029(months: readonly [number, number]): [[string, string], [string, string]] {
  const day = 1 + Math.floor(Math.random() * 20);
  const d = (month: number, offset: number) => `2029-${String(month).padStart(2, "0")}-${String(day + offset).padStart(2, "0")}`;
  return [[d(months[0], 0), d(months[0], 1)], [d(months[1], 0), d(months[1], 1)]];
}
