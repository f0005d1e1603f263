import { expect, test, type Page } from "@playwright/test";
import { violations } from "./axe";
import { createPublishedCohort, MUNICIPAL_APPLICANT, signIn, unique } from "./helpers";
import { waitForMail } from "./mail";

/** A published cohort of its own (so no other spec's enrolments are invoiced), created as a coordinator. */
async function newCohort(page: Page, slug: string): Promise<string> {
  return createPublishedCohort(page, { name: `Faktura-hold ${slug}`, slug, capacity: 10, closesAt: "2028-06-01", days: [["2028-09-04", "2028-09-05"], ["2028-10-02", "2028-10-03"]] });
}

async function enrol(page: Page, cohortId: string, data: Record<string, unknown>) {
  const res = await page.request.post("/api/tilmeldinger", {
    data: { cohortId, phone: "12345678", jobTitle: "Konsulent", acceptTerms: true, acceptPrivacy: true, ...data },
  });
  expect(res.status()).toBe(201);
}

test.describe("invoicing", () => {
  test("a coordinator issues a cohort's invoices, downloads XML and PDF, cancels an invoiced enrolment and gets a credit note; the company's PDF arrives by mail", async ({ page, baseURL }) => {
    await signIn(page, "COORDINATOR");
    const slug = `fak-${unique()}`;
    const cohortId = await newCohort(page, slug);
    const n = unique();
    const municipal = { ...MUNICIPAL_APPLICANT, invoiceReference: `PO-${n}` };
    await enrol(page, cohortId, { ...municipal, name: "Kommune Deltager 1", email: `k1-${n}@kommune.example` });
    await enrol(page, cohortId, { ...municipal, name: "Kommune Deltager 2", email: `k2-${n}@kommune.example` });
    // The company's participant enrols through the form and names the bookkeeping's e-mail for the invoice.
    const companyMail = `bogholderi-${n}@firma.example`;
    await page.goto(`/uddannelser/kommunernes-implementeringsuddannelse/hold/${slug}/tilmelding`);
    await page.getByLabel(/^Navn/).fill("Firma Deltager");
    await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(`deltager-${n}@firma.example`);
    await page.getByLabel("Telefon").fill("12345678");
    await page.getByLabel("Stillingsbetegnelse").fill("Konsulent");
    await page.getByLabel("En privat virksomhed").check();
    await page.getByLabel("Organisationens navn").fill(`Firma ${n} ApS`);
    await page.getByLabel("CVR-nummer").fill("12345674");
    await page.getByLabel("Fakturaadresse").fill("Gaden 1");
    await page.getByLabel("Postnummer").fill("8000");
    await page.getByRole("textbox", { name: "By", exact: true }).fill("Aarhus C");
    await page.getByLabel("Fakturaen mærkes att.").fill("Bogholderiet");
    await page.getByLabel("Fakturaen sendes til (e-mail)").fill(companyMail);
    await page.getByLabel("Jeg accepterer, at tilmeldingen er bindende").check();
    await page.getByLabel(/Jeg accepterer, at mine oplysninger/).check();
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await expect(page.getByRole("status")).toContainText("Tak for din tilmelding!");
    await expect(page.locator("dd", { hasText: companyMail })).toBeVisible();

    await page.goto(`/admin/hold/${cohortId}`);
    await page.getByRole("navigation", { name: "Holdets lister" }).getByRole("link", { name: "Fakturaer", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fakturering: Faktura-hold ${slug}`);
    // Two invoices: the municipality's two participants together, the company on its own.
    await expect(page.getByRole("table").first().locator("caption")).toContainText("2 fakturaer i alt 48.562,50");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Udsted fakturaer" }).click();
    await expect(page.getByRole("status")).toHaveText("2 fakturaer er udstedt.");
    await expect(page.getByText("Alle bekræftede og gennemførte tilmeldinger er faktureret.")).toBeVisible();

    const rows = page.locator("tr[data-testid^='invoice-']");
    await expect(rows).toHaveCount(2);
    const municipalRow = rows.filter({ hasText: "EAN 5798000416604" });
    const number = (await municipalRow.getAttribute("data-testid"))!.replace("invoice-", "");
    const xml = await page.request.get((await municipalRow.getByRole("link", { name: /OIOUBL/ }).getAttribute("href"))!);
    expect(xml.status()).toBe(200);
    expect(xml.headers()["content-disposition"]).toContain(`faktura-${number}.xml`);
    const text = await xml.text();
    expect(text).toContain('<cbc:EndpointID schemeAgencyID="9" schemeID="GLN">5798000416604</cbc:EndpointID>');
    expect(text).toContain(`<cbc:ID>PO-${n}</cbc:ID>`);
    const pdf = await page.request.get((await municipalRow.getByRole("link", { name: /PDF/ }).getAttribute("href"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The company has no EAN: its invoice went out as a PDF by mail, to the address it gave for invoices.
    const mail = await waitForMail(baseURL!, companyMail, /^Faktura .+ fra /);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[expect.stringMatching(/^faktura-.+\.pdf$/), "application/pdf"]]);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");

    // Cancelling an invoiced participant issues a credit note for their line.
    await page.goto(`/admin/hold/${cohortId}`);
    const row = page.getByTestId(`enrolment-k2-${n}@kommune.example`);
    await row.getByText("Annullér tilmeldingen").click();
    await row.getByLabel(/^Begrundelse/).fill("Stillingen er nedlagt");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Annullér" }).click();
    await expect(page.getByRole("status").filter({ hasText: "annulleret" })).toBeVisible();
    await page.goto(`/admin/hold/${cohortId}/fakturering`);
    const credit = page.locator("tr[data-testid^='invoice-']").filter({ hasText: "Kreditnota" });
    await expect(credit).toContainText(`krediterer ${number}`);
    await expect(credit).toContainText("16.187,50");
    expect(await violations(page)).toEqual([]);
  });

  test("the invoicing pages fit 390 and 1280 px, work without JavaScript and have no axe violations", async ({ page, browser, baseURL }) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/hold");
    await page.getByRole("link", { name: "Efterår 2023" }).first().click();
    await page.waitForURL(/\/admin\/hold\/[a-z0-9]+$/);
    const cohortUrl = page.url();
    for (const path of [`${new URL(cohortUrl).pathname}/fakturering`, "/admin/fakturering"]) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} at ${width}px`).toBe(true);
        expect(await violations(page)).toEqual([]);
      }
    }
    // The seeded 2023 invoices: Efterår 2023 per organisation, with the credit note.
    await page.goto(`${new URL(cohortUrl).pathname}/fakturering`);
    await expect(page.getByTestId("invoice-K2023-0001")).toContainText("krediterer F2023-0003");

    // Without JavaScript: the seller form refuses a bad GLN with a message and keeps what was typed.
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const p = await noJs.newPage();
    await p.goto("/admin/fakturering");
    await expect(p.getByTestId("seller-demo")).toBeVisible();
    await p.getByLabel(/^Eget GLN-nummer/).fill("5790000000006");
    await p.getByRole("button", { name: "Gem sælgeroplysninger" }).click();
    await expect(p.getByText("GLN-nummeret er ikke gyldigt – kontrollér cifrene").first()).toBeVisible();
    await expect(p.getByLabel(/^Eget GLN-nummer/)).toHaveValue("5790000000006");
    await p.goto(`${new URL(cohortUrl).pathname}/fakturering`);
    const res = await p.request.get(`${new URL(cohortUrl).pathname}/fakturering/journal?format=csv`);
    expect(await res.text()).toContain("K2023-0001;Kreditnota;2023-08-25");
    await noJs.close();
  });

  test("a group whose e-invoice would bounce waits with the reason; the participant's name leads to the fix, and then it can be issued", async ({ page }) => {
    await signIn(page, "COORDINATOR");
    const slug = `fak-ret-${unique()}`;
    const cohortId = await createPublishedCohort(page, { name: `Faktura-hold ${slug}`, slug, capacity: 5, closesAt: "2028-06-01", days: [["2028-11-06", "2028-11-07"], ["2028-12-04", "2028-12-05"]] });
    await enrol(page, cohortId, { ...MUNICIPAL_APPLICANT, name: "Ret Deltager", email: `ret-${unique()}@kommune.example` });
    // Someone clears the attention person on the enrolment: OIOUBL needs it as the buyer's contact.
    await page.goto(`/admin/hold/${cohortId}/fakturering`);
    await page.getByRole("link", { name: "Ret Deltager" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Ret Deltager");
    await page.getByLabel(/^Att\./).fill("");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Oplysningerne er gemt." })).toBeVisible();

    await page.goto(`/admin/hold/${cohortId}/fakturering`);
    await expect(page.getByTestId("group-problem")).toContainText("Attention-person");
    await expect(page.getByRole("button", { name: "Udsted fakturaer" })).toHaveCount(0);
    await expect(page.getByTestId("none-ready")).toHaveText("Ingen af fakturaerne kan udstedes endnu: ret først de markerede oplysninger.");
    await page.getByRole("link", { name: "Ret Deltager" }).click();
    await page.getByLabel(/^Att\./).fill("Økonomiafdelingen");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Oplysningerne er gemt." })).toBeVisible();

    await page.goto(`/admin/hold/${cohortId}/fakturering`);
    await expect(page.getByTestId("group-problem")).toHaveCount(0);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Udsted fakturaer" }).click();
    await expect(page.getByRole("status")).toHaveText("1 faktura er udstedt.");
  });

  test("a coordinator does not edit the seller details", async ({ page }) => {
    await signIn(page, "COORDINATOR");
    const res = await page.goto("/admin/fakturering");
    expect(res?.status()).toBe(403);
  });
});
