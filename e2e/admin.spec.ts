import { expect, test } from "@playwright/test";
import { ADMIN_PAGES } from "../lib/auth/admin-routes";
import { can } from "../lib/auth/permissions";
import { enrolByApi, MUNICIPAL_APPLICANT, signIn, unique } from "./helpers";

test.describe("admin area", () => {
  test("wrong password is refused in Danish", async ({ page }) => {
    await page.goto("/log-ind");
    await page.getByLabel(/^E-mail/).fill("admin@stillads.invalid");
    await page.getByLabel(/^Adgangskode/).fill("forkert-kode");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page.locator(".error-summary")).toHaveText("E-mail eller adgangskode er forkert.");
  });

  test("an admin creates and publishes a cohort, then cancels an enrolment and the waitlist moves up", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Hold" }).click();
    await page.getByRole("link", { name: "Opret hold" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opret hold");

    const slug = `e2e-${unique()}`;
    await page.getByLabel(/^Navn/).fill(`E2E-hold ${slug}`);
    await page.getByLabel(/^Adresse/).fill(slug);
    await page.getByLabel(/^Antal pladser/).fill("1");
    await page.getByLabel(/^Tilmelding åbner/).fill("2026-01-01");
    await page.getByLabel(/^Tilmeldingsfrist/).fill("2028-06-01");
    await page.getByLabel(/^Særlig pris for holdet/).fill("11500");
    const m1 = page.getByRole("group", { name: /Modul 1/ });
    await m1.getByLabel(/^Sted/).selectOption({ label: "KL-huset, Weidekampsgade 10, 2300 København S" });
    await m1.getByLabel(/^Dag 1/).fill("2028-09-04");
    await m1.getByLabel(/^Dag 2/).fill("2028-09-05");
    const m2 = page.getByRole("group", { name: /Modul 2/ });
    await m2.getByLabel(/^Sted/).selectOption({ label: "KL-huset, Weidekampsgade 10, 2300 København S" });
    await m2.getByLabel(/^Dag 1/).fill("2028-10-02");
    await m2.getByLabel(/^Dag 2/).fill("2028-10-03");
    await page.getByRole("button", { name: "Opret hold som kladde" }).click();

    await expect(page).toHaveURL(/\/admin\/hold\/[a-z0-9]+\?oprettet=1$/);
    const cohortId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Kladde");

    // Not public yet.
    const publicPage = "/uddannelser/kommunernes-implementeringsuddannelse";
    await page.goto(publicPage);
    await expect(page.getByText(`Hold: E2E-hold ${slug}`)).toHaveCount(0);

    await page.goto(`/admin/hold/${cohortId}`);
    await page.getByLabel(/^Holdets status/).selectOption("PUBLISHED");
    await page.getByRole("button", { name: "Gem status" }).click();
    await expect(page.getByRole("status")).toHaveText("Status er ændret.");

    // Move the first day's start to 10.00.
    await page.getByText("Ret modul 1: sted og dage").click();
    const session = page.locator("details", { hasText: "Ret modul 1: sted og dage" });
    await session.getByLabel(/^Fra/).first().fill("10:00");
    await session.getByRole("button", { name: "Gem modulet" }).click();
    await expect(session.getByRole("status")).toHaveText("Modulet er gemt.");

    await page.goto(publicPage);
    const card = page.getByTestId(`cohort-${slug}`);
    await expect(card).toContainText("mandag den 4. september 2028, kl. 10.00–16.00");
    await expect(card).toContainText("tirsdag den 5. september 2028, kl. 09.00–16.00");
    await expect(card).toContainText("KL-huset");
    // The cohort's own price is shown with it, and the price box says some cohorts differ.
    await expect(card.getByTestId("own-price")).toHaveText(/Pris for dette hold:\s11\.500,00\skr\. ekskl\. moms \(14\.375,00\skr\. inkl\. moms\)\./);
    await expect(page.getByText("Enkelte hold har deres egen pris")).toBeVisible();

    // One seat: the first applicant gets it, the second waits.
    const first = unique();
    const second = unique();
    expect((await enrolByApi(page, cohortId, first)).status).toBe("CONFIRMED");
    expect((await enrolByApi(page, cohortId, second)).status).toBe("WAITLISTED");

    await page.goto(`/admin/hold/${cohortId}`);
    await expect(page.getByTestId("seats-waitlist")).toHaveText("1");
    const row = page.getByTestId(`enrolment-deltager-${first}@kommune.example`);
    await row.getByText("Annullér tilmeldingen").click();
    await row.getByLabel(/^Begrundelse/).fill("Afmeldt efter aftale med kommunen");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Annullér" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Tilmeldingen er annulleret" })).toHaveText(
      "Tilmeldingen er annulleret. Pladsen er tilbudt den første på ventelisten.",
    );
    await expect(page.getByTestId(`enrolment-deltager-${second}@kommune.example`)).toContainText("Tilbudt plads");
    await expect(page.getByTestId(`enrolment-deltager-${first}@kommune.example`)).toContainText("Annulleret");
    await expect(page.getByTestId("seats-waitlist")).toHaveText("0");
  });

  test("the cohort forms work without JavaScript: filled in, refused with visible messages, typed values kept", async ({ page, browser, baseURL }) => {
    await signIn(page, "COORDINATOR");
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const p = await noJs.newPage();
    await p.goto("/admin/hold");
    await p.getByRole("link", { name: "Efterår 2027" }).first().click();
    const cohortUrl = p.url();

    // The server fills the module form with the stored venue and days.
    await p.getByText("Ret modul 1: sted og dage").click();
    const session = p.locator("details", { hasText: "Ret modul 1: sted og dage" });
    await expect(session.getByLabel(/^Sted/)).not.toHaveValue("");
    await expect(session.getByLabel(/^Dag 1/)).toHaveValue("2027-08-23");
    await expect(session.getByLabel(/^Fra/).first()).toHaveValue("09:00");
    await session.getByLabel(/^Til/).first().fill("08:00");
    await session.getByRole("button", { name: "Gem modulet" }).click();
    const again = p.locator("details", { hasText: "Ret modul 1: sted og dage" });
    await expect(again.getByText("Sluttid skal være efter starttid")).toBeVisible();
    await expect(again.getByLabel(/^Til/).first()).toHaveValue("08:00");
    await p.goto(cohortUrl);
    await expect(p.getByText("mandag den 23. august 2027, kl. 09.00–16.00").first()).toBeVisible();

    // Creating a cohort: the form posts (no GET with the fields), is refused, keeps what was typed.
    await p.goto("/admin/hold/ny");
    await p.getByLabel(/^Navn/).fill("Uden JavaScript");
    await p.getByRole("button", { name: "Opret hold som kladde" }).click();
    await expect(p).toHaveURL(/\/admin\/hold\/ny$/);
    await expect(p.getByText("Ret de markerede felter.")).toBeVisible();
    await expect(p.getByLabel(/^Navn/)).toHaveValue("Uden JavaScript");
    await noJs.close();
  });

  test("a coordinator takes attendance and downloads the invoicing list", async ({ page }) => {
    await signIn(page, "COORDINATOR");
    await page.goto("/admin/hold?q=For%C3%A5r%202027");
    await page.getByRole("link", { name: "Forår 2027", exact: true }).click();
    await page.waitForURL(/\/admin\/hold\/[a-z0-9]+$/);
    const cohortId = new URL(page.url()).pathname.split("/").pop()!;
    const n = unique();
    expect((await enrolByApi(page, cohortId, n)).status).toBe("CONFIRMED");

    // Forår 2027 has not begun: its days are shown, but attendance cannot be recorded yet.
    await page.getByRole("link", { name: "Fremmøde" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fremmøde: Forår 2027");
    await expect(page.getByTestId("attendance-not-open")).toBeVisible();
    await expect(page.getByRole("button", { name: "Gem fremmøde" })).toHaveCount(0);

    // A cohort whose days are over: attendance is recorded and kept.
    await page.goto("/admin/hold?q=Syddjurs");
    await page.getByRole("link", { name: "Syddjurs Kommune 2023", exact: true }).click();
    await page.getByRole("link", { name: "Fremmøde" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fremmøde: Syddjurs Kommune 2023");
    const participant = page.getByRole("group", { name: "Fremmøde for Deltager 01 (demo)" });
    await participant.getByLabel("Til stede").check();
    await page.getByRole("button", { name: "Gem fremmøde" }).click();
    await expect(page.getByRole("status")).toContainText("Fremmøde gemt for");
    await page.reload();
    await expect(participant.getByLabel("Til stede")).toBeChecked();

    const csv = await page.request.get(`/admin/hold/${cohortId}/eksport?liste=fakturering&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(`Deltager ${n};Københavns Kommune;5798000416604;;Økonomi`);
    expect(text).toContain("12950,00;3237,50;16187,50;Bekræftet");
    const xlsx = await page.request.get(`/admin/hold/${cohortId}/eksport?liste=deltagere&format=xlsx`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("an admin adds a venue with rooms, edits one and removes it; the add form starts empty after a save", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Steder" }).click();
    const name = `Mødested ${unique()}`;
    await page.getByLabel(/^Navn/).fill(name);
    await page.getByLabel(/^Adresse/).fill("Vesterbrogade 1");
    await page.getByLabel(/^Postnummer/).fill("16");
    await page.getByLabel(/^By/).fill("København V");
    await page.getByRole("button", { name: "Opret sted" }).click();
    await expect(page.getByText("Skriv et postnummer med 4 cifre")).toBeVisible();
    await page.getByLabel(/^Postnummer/).fill("1620");
    await page.getByRole("button", { name: "Opret sted" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Tilføj lokale" }) });
    await add.getByLabel(/^Lokalets navn/).fill("Store sal");
    await add.getByLabel(/^Antal pladser/).fill("60");
    await add.getByLabel(/^Lokalets tilgængelighed/).fill("Teleslynge");
    await add.getByRole("button", { name: "Tilføj lokale" }).click();
    await expect(add.getByRole("status")).toHaveText("Lokalet er tilføjet.");
    const rooms = page.getByRole("region", { name: "Lokaler" });
    await expect(rooms).toContainText("Store sal: 60 pladser – Teleslynge");
    // The add form starts empty again: a second room does not get the first one's values.
    for (const label of [/^Lokalets navn/, /^Antal pladser/, /^Lokalets tilgængelighed/]) await expect(add.getByLabel(label)).toHaveValue("");
    await add.getByLabel(/^Lokalets navn/).fill("Lille sal");
    await add.getByLabel(/^Antal pladser/).fill("12");
    await add.getByRole("button", { name: "Tilføj lokale" }).click();
    await expect(rooms.getByText("Lille sal: 12 pladser", { exact: true })).toBeVisible();

    // Edit one room, then remove it.
    await rooms.getByText("Ret Lille sal").click();
    const edit = rooms.locator("details").filter({ hasText: "Ret Lille sal" });
    await edit.getByLabel(/^Antal pladser/).fill("14");
    await edit.getByRole("button", { name: "Gem lokalet" }).click();
    await expect(edit.getByRole("status")).toHaveText("Lokalet er gemt.");
    await expect(rooms.getByText("Lille sal: 14 pladser", { exact: true })).toBeVisible();
    page.once("dialog", (d) => void d.accept());
    await rooms.getByRole("button", { name: "Fjern Lille sal" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Lokalet er fjernet.");
    await expect(rooms).not.toContainText("Lille sal");
    await expect(rooms).toContainText("Store sal: 60 pladser");
  });

  test("an admin edits the programme and the public page shows it", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Uddannelser" }).click();
    await page.getByRole("link", { name: "Kommunernes Implementeringsuddannelse" }).click();
    const form = page.getByRole("region", { name: "Ret uddannelsen" });
    await form.getByLabel(/^Kontaktperson \(valgfrit\)$/).fill("Kontakt Person");
    await form.getByLabel(/^Kontaktpersonens e-mail/).fill("ikke-en-mail");
    await form.getByRole("button", { name: "Gem uddannelsen" }).click();
    await expect(form.getByText("Skriv en gyldig e-mailadresse")).toBeVisible();
    await form.getByLabel(/^Kontaktpersonens e-mail/).fill("kontakt@stillads.invalid");
    await form.getByRole("button", { name: "Gem uddannelsen" }).click();
    await expect(form.getByRole("status")).toHaveText("Uddannelsen er gemt.");

    await page.goto("/uddannelser/kommunernes-implementeringsuddannelse");
    const contact = page.getByRole("region", { name: "Spørgsmål om indholdet?" });
    await expect(contact).toContainText("Kontakt Person");
    await expect(contact.getByRole("link", { name: "kontakt@stillads.invalid" })).toHaveAttribute("href", "mailto:kontakt@stillads.invalid");
    // The page copy survived the round trip through the form.
    await expect(page.getByRole("heading", { name: "Tre råd til din næste implementering" })).toBeVisible();
  });

  test("an admin gives a new teacher a cohort, and the teacher sees only that cohort", async ({ page, browser, baseURL }) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/brugere");
    const email = `laerer-${unique()}@kommune.example`;
    const create = page.getByRole("region", { name: "Opret bruger" });
    await create.getByLabel(/^Navn/).fill("Ny Underviser");
    await create.getByLabel(/^E-mail/).fill(email);
    await create.getByLabel(/^Rolle/).selectOption("TEACHER");
    await create.getByLabel(/^Adgangskode/).fill("kort");
    await create.getByRole("button", { name: "Opret bruger" }).click();
    await expect(create.getByText("Adgangskoden skal være mindst 12 tegn")).toBeVisible();
    await create.getByLabel(/^Adgangskode/).fill("et-langt-kodeord-til-test");
    await create.getByRole("button", { name: "Opret bruger" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ny Underviser");
    await page.getByLabel(/Kommunernes Implementeringsuddannelse: Forår 2027/).check();
    await page.getByRole("button", { name: "Gem brugeren" }).click();
    await expect(page.getByRole("status")).toHaveText("Brugeren er gemt.");

    const ctx = await browser.newContext({ baseURL });
    const teacher = await ctx.newPage();
    await teacher.goto("/log-ind");
    await teacher.getByLabel(/^E-mail/).fill(email);
    await teacher.getByLabel(/^Adgangskode/).fill("et-langt-kodeord-til-test");
    await teacher.getByRole("button", { name: "Log ind" }).click();
    await expect(teacher).toHaveURL(/\/admin$/);
    await teacher.goto("/admin/hold");
    await expect(teacher.getByRole("link", { name: "Forår 2027", exact: true })).toBeVisible();
    await expect(teacher.getByRole("link", { name: "Efterår 2027", exact: true })).toHaveCount(0);
    await expect(teacher.getByRole("link", { name: "Opret hold" })).toHaveCount(0);
    await ctx.close();
  });

  test("every admin page: anonymous visitors are sent to sign in, roles without the permission get 403", async ({ browser, baseURL }) => {
    // Some hundred page loads (every admin page as three roles and anonymously): more than the default minute on a busy machine.
    test.setTimeout(180_000);
    // A real record for every dynamic page, so that pages a role may see render.
    const adminCtx = await browser.newContext({ baseURL });
    const adminPage = await adminCtx.newPage();
    await signIn(adminPage, "ADMIN");
    const idFrom = async (listUrl: string, linkName: string) => {
      await adminPage.goto(listUrl);
      await adminPage.getByRole("link", { name: linkName, exact: true }).first().click();
      await adminPage.waitForURL(/\/[a-z0-9]{20,}$/);
      return new URL(adminPage.url()).pathname.split("/").pop()!;
    };
    const cohortId = await idFrom("/admin/hold?q=Efter%C3%A5r%202027", "Efterår 2027");
    const otherCohortId = await idFrom("/admin/hold?q=For%C3%A5r%202027", "Forår 2027");
    const venueId = await idFrom("/admin/steder", "KL-huset");
    const programmeId = await idFrom("/admin/uddannelser", "Kommunernes Implementeringsuddannelse");
    const userId = await idFrom("/admin/brugere", "Demo Underviser");
    const syddjursId = await idFrom("/admin/hold?q=Syddjurs", "Syddjurs Kommune 2023");
    const formId = await idFrom(`/admin/hold/${syddjursId}/evalueringer`, "Evaluering af Kommunernes Implementeringsuddannelse");
    const enrolled = await adminPage.request.post("/api/tilmeldinger", {
      data: { ...MUNICIPAL_APPLICANT, cohortId, name: "Matrix Deltager", email: `matrix-${unique()}@kommune.example` },
    });
    const enrolmentId = (await enrolled.json()).data.enrolmentId as string;
    // A message draft to the cohort (its preview page).
    await adminPage.goto(`/admin/hold/${cohortId}/besked`);
    await adminPage.getByLabel(/^Emne/).fill("Matrix");
    await adminPage.getByLabel(/^Besked/).fill("Prøve");
    await adminPage.getByRole("button", { name: "Vis beskeden, før den sendes" }).click();
    await adminPage.waitForURL(/\/besked\/[a-z0-9]{20,}$/);
    const messageId = new URL(adminPage.url()).pathname.split("/").pop()!;
    await adminCtx.close();
    const concrete = (pattern: string) =>
      pattern
        .replace("/besked/[messageId]", `/besked/${messageId}`)
        .replace("/admin/hold/[id]", `/admin/hold/${cohortId}`)
        .replace("/admin/steder/[id]", `/admin/steder/${venueId}`)
        .replace("/admin/uddannelser/[id]", `/admin/uddannelser/${programmeId}`)
        .replace("/admin/tilmeldinger/[id]", `/admin/tilmeldinger/${enrolmentId}`)
        .replace("/admin/brugere/[id]", `/admin/brugere/${userId}`)
        .replace("/admin/evalueringer/[id]", `/admin/evalueringer/${formId}`);
    expect(Object.keys(ADMIN_PAGES).map(concrete).filter((u) => u.includes("["))).toEqual([]);

    const anon = await browser.newContext({ baseURL });
    for (const pattern of Object.keys(ADMIN_PAGES)) {
      const res = await anon.request.get(concrete(pattern), { maxRedirects: 0 });
      expect({ pattern, status: res.status(), location: res.headers().location ?? "" }).toMatchObject({ pattern, status: 307, location: expect.stringContaining("/log-ind") });
    }
    await anon.close();

    for (const role of ["TEACHER", "COORDINATOR", "ADMIN"] as const) {
      const ctx = await browser.newContext({ baseURL });
      const page = await ctx.newPage();
      await signIn(page, role);
      for (const [pattern, permission] of Object.entries(ADMIN_PAGES)) {
        const res = await page.goto(concrete(pattern));
        expect({ role, pattern, status: res?.status() }).toEqual({ role, pattern, status: can(role, permission) ? 200 : 403 });
      }
      // The demo teacher teaches Efterår 2027 only: another cohort does not exist for them.
      expect((await page.goto(`/admin/hold/${otherCohortId}`))?.status()).toBe(role === "TEACHER" ? 404 : 200);
      await ctx.close();
    }
  });
});
