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

/** Enrols a municipal participant through the public JSON endpoint. */
export async function enrolByApi(page: Page, cohortId: string, n: string) {
  const res = await page.request.post("/api/tilmeldinger", {
    data: {
      cohortId, name: `Deltager ${n}`, email: `deltager-${n}@kommune.example`, phone: "12345678", jobTitle: "Konsulent",
      orgType: "MUNICIPALITY", municipalityCode: "101", ean: "5798000416604", invoiceAttention: "Økonomi", acceptTerms: true, acceptPrivacy: true,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).data as { status: string };
}

/** Fills the public enrolment form as a municipal applicant (Syddjurs Kommune, EAN, both consents). */
export async function fillApplicant(page: Page, email: string) {
  await page.getByLabel(/^Navn/).fill("Mette Hansen");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel("Telefon").fill("87 53 50 00");
  await page.getByLabel("Stillingsbetegnelse").fill("Digitaliseringskonsulent");
  await page.getByLabel("En kommune").check();
  await page.getByLabel(/^Kommune/).selectOption({ label: "Syddjurs Kommune" });
  await page.getByLabel("EAN-nummer").fill("5798000416604");
  await page.getByLabel("Fakturaen mærkes att.").fill("Økonomiafdelingen");
  await page.getByLabel("Ordre- eller referencenummer").fill("PO-2027-17");
  await page.getByLabel("Kosthensyn").fill("Vegetar");
  await page.getByLabel("Jeg accepterer, at tilmeldingen er bindende").check();
  await page.getByLabel(/Jeg accepterer, at mine oplysninger/).check();
}
