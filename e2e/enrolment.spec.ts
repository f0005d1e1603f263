import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { fillApplicant, unique } from "./helpers";
import { manageLink, waitForMail } from "./mail";

const PAGE = "/uddannelser/kommunernes-implementeringsuddannelse";

test.describe("online enrolment", () => {
  test("a visitor enrols, gets the mail with the calendar, and sends a colleague", async ({ page, baseURL }) => {
    const email = `mette-${unique()}@syddjurs.example`;
    await page.goto(PAGE);
    await page.getByTestId("cohort-efteraar-2027").getByRole("link", { name: /Tilmeld dig/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tilmelding: Efterår 2027");
    await expect(page.getByText(/Der er \d+ ledige pladser/)).toBeVisible();

    await fillApplicant(page, email);
    await page.getByRole("button", { name: "Tilmeld mig" }).click();

    await expect(page).toHaveURL(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
    await expect(page.getByRole("status")).toContainText("Tak for din tilmelding!");
    await expect(page.getByTestId("enrolment-status")).toHaveText("Du har en plads på holdet.");
    await expect(page.getByText("5798000416604")).toBeVisible();
    await expect(page.getByText("Lundbergsvej 2, 8400 Ebeltoft")).toBeVisible();
    // The manage page, reachable only with a token, is checked for accessibility here.
    expect(await violations(page)).toEqual([]);

    const mail = await waitForMail(baseURL!, email, /^Bekræftelse: Kommunernes Implementeringsuddannelse, Efterår 2027$/);
    expect(mail.text).toContain("mandag den 23. august 2027, kl. 09.00–16.00");
    expect(mail.text).toMatch(/Pris inkl\. moms: 16\.187,50\s+kr\./);
    const ics = mail.attachments.find((a) => a.filename === "kursusdage.ics");
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString("utf8");
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    // 09.00 on 23 August 2027 in Copenhagen is 07.00 UTC.
    expect(calendar).toContain("DTSTART:20270823T070000Z");
    expect(calendar).toContain("KL-huset\\, Weidekampsgade 10\\, 2300 København S");

    // The manage link from the mail: send a colleague in my place.
    const link = manageLink(mail);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Send en kollega i dit sted" })).toBeVisible();
    const colleague = `kollega-${unique()}@syddjurs.example`;
    const section = page.getByRole("region", { name: "Send en kollega i dit sted" });
    await section.getByLabel("Kollegaens navn").fill("Jens Kollega");
    await section.getByLabel("Kollegaens e-mail").fill(colleague);
    await section.getByLabel("Kollegaens telefon").fill("12345678");
    await section.getByLabel("Kollegaens stillingsbetegnelse").fill("Projektleder");
    page.once("dialog", (d) => void d.accept());
    await section.getByRole("button", { name: "Overdrag pladsen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pladsen er overdraget");

    const colleagueMail = await waitForMail(baseURL!, colleague, /^Du har overtaget en plads/);
    expect(colleagueMail.text).toContain("Mette Hansen har sendt dig i sit sted");
    expect(colleagueMail.attachments.some((a) => a.filename === "kursusdage.ics")).toBe(true);
    await waitForMail(baseURL!, email, /^Din plads er overdraget/);

    // My old link is spent; my colleague's works.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
    await page.goto(manageLink(colleagueMail));
    await expect(page.getByText("Jens Kollega")).toBeVisible();
    await expect(page.getByTestId("enrolment-status")).toHaveText("Du har en plads på holdet.");

    // The colleague accepted nothing: the mail and the page say who gave their data, and they can correct it.
    expect(colleagueMail.text).toContain("Mette Hansen har givet os dit navn");
    expect(colleagueMail.html).toContain('<html lang="da">');
    await expect(page.getByTestId("data-given-by")).toContainText("Dine oplysninger er givet til os af Mette Hansen");
    const details = page.getByRole("region", { name: "Ret dine oplysninger" });
    await details.getByLabel(/^Navn/).fill("Jens Kollega-Hansen");
    await details.getByLabel(/^Stillingsbetegnelse/).fill("Chefkonsulent");
    await details.getByRole("button", { name: "Gem oplysninger" }).click();
    await expect(details.getByText("Dine oplysninger er rettet.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Jens Kollega-Hansen,")).toBeVisible();
    await expect(page.getByText("Chefkonsulent", { exact: true })).toBeVisible();
  });

  test("bad input gets Danish messages at the fields and keeps what was typed", async ({ page }) => {
    await page.goto(`${PAGE}/hold/foraar-2027/tilmelding`);
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await expect(page.getByText("Skriv navn", { exact: true })).toBeVisible();
    await expect(page.getByText("Du skal acceptere, at tilmeldingen er bindende")).toBeVisible();

    await fillApplicant(page, `ugyldig-${unique()}@syddjurs.example`);
    await page.getByLabel("EAN-nummer").fill("5798000416605");
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await expect(page.getByText("EAN-nummeret er ikke gyldigt – kontrollér cifrene")).toBeVisible();
    await expect(page.getByLabel("EAN-nummer")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(/^Navn/)).toHaveValue("Mette Hansen");
    await expect(page).toHaveURL(/\/tilmelding$/);
  });

  test("works without JavaScript: the server validates and enrols", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(`${PAGE}/hold/foraar-2027/tilmelding`);
    const email = `nojs-${unique()}@syddjurs.example`;
    await fillApplicant(page, email);
    await page.getByLabel("EAN-nummer").fill("123");
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await expect(page.getByText("Et EAN-nummer består af 13 cifre")).toBeVisible();
    await expect(page.getByLabel(/^E-mail/)).toHaveValue(email);

    await page.getByLabel("EAN-nummer").fill("5798000416604");
    await page.getByLabel("Jeg accepterer, at tilmeldingen er bindende").check();
    await page.getByLabel(/Jeg accepterer, at mine oplysninger/).check();
    await page.getByRole("button", { name: "Tilmeld mig" }).click();
    await expect(page).toHaveURL(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
    await expect(page.getByTestId("enrolment-status")).toHaveText("Du har en plads på holdet.");

    // The manage page's forms post without JavaScript too (its referrer policy must leave the
    // Origin header intact, or Next.js refuses the action).
    await page.locator("#needs-dietaryNeeds").fill("Glutenfri");
    await page.getByRole("button", { name: "Gem hensyn" }).click();
    await expect(page.getByText("Dine hensyn er gemt.")).toBeVisible();
    await expect(page.locator("#needs-dietaryNeeds")).toHaveValue("Glutenfri");
    // The page ships its own forms' schemas only: no admin form's messages in its scripts (before the
    // forms named their schema, every admin schema came along).
    const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(await (await page.request.get(src)).text(), src).not.toContain("Vælg en gyldig status");
    await context.close();
  });

  test("the form fits a 360 px phone without scrolling sideways (WCAG reflow)", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${PAGE}/hold/foraar-2027/tilmelding`);
    await expect(page.getByRole("link", { name: "privatlivspolitikken" })).toBeVisible();
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    // The consent box keeps its size beside a long label.
    const box = await page.getByLabel(/Jeg accepterer, at mine oplysninger/).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(16);
  });

  test("a cohort whose enrolment has closed says so", async ({ page }) => {
    const response = await page.goto(`${PAGE}/hold/efteraar-2023/tilmelding`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Tilmeldingen er lukket" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Tilmeld mig" })).toHaveCount(0);
    expect((await page.goto(`${PAGE}/hold/syddjurs-2023/tilmelding`))?.status()).toBe(404);
  });
});
