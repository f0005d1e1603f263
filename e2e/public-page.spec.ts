import { expect, test } from "@playwright/test";

const PAGE = "/uddannelser/kommunernes-implementeringsuddannelse";
const nbsp = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

test.describe("the public programme page", () => {
  test("a visitor finds the programme from the front page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Kommunernes Implementeringsuddannelse" }).click();
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunernes Implementeringsuddannelse");
    await expect(page).toHaveTitle(/Kommunernes Implementeringsuddannelse/);
  });

  test("shows modules, dates, venue, price and scores from the database", async ({ page }) => {
    await page.goto(PAGE);

    const modules = page.getByRole("region", { name: "Moduler" });
    await expect(modules.getByRole("heading", { level: 3 })).toHaveText([
      "Modul 1: Det digitale implementeringsstillads",
      "Modul 2: Fra strategi til adfærdsmål til resultat",
    ]);

    const autumn = page.getByTestId("cohort-efteraar-2027");
    await expect(autumn).toContainText("mandag den 23. august 2027, kl. 09.00–16.00");
    await expect(autumn).toContainText("tirsdag den 2. november 2027, kl. 09.00–16.00");
    await expect(autumn).toContainText("Åben for tilmelding");
    await expect(autumn.getByRole("link", { name: /Tilmeld dig/ })).toHaveAttribute(
      "href",
      `${PAGE}/hold/efteraar-2027/tilmelding`,
    );
    await expect(page.getByRole("region", { name: "Hold og tilmelding" })).toContainText("Efterår 2023: 21. august 2023 – 31. oktober 2023");

    const venue = page.getByTestId("venue");
    await expect(venue).toContainText("KL-huset");
    await expect(venue).toContainText("Weidekampsgade 10");
    await expect(venue).toContainText("2300 København S");

    const price = page.getByTestId("price");
    expect(nbsp(await price.textContent())).toContain("Pris ekskl. moms12.950,00 kr.");
    expect(nbsp(await price.textContent())).toContain("Moms (25 %)3.237,50 kr.");
    expect(nbsp(await price.textContent())).toContain("Pris inkl. moms16.187,50 kr.");

    for (const [key, label, value] of [
      ["content_quality", "Kvalitet af indhold", "9,8"],
      ["content_relevance", "Relevans af indhold", "9,5"],
      ["delivery", "Formidling", "9,5"],
    ]) {
      const score = page.getByTestId(`score-${key}`);
      await expect(score).toContainText(label!);
      await expect(score).toContainText(`${value} / 10`);
      await expect(score).toContainText("20 besvarelser fra holdet Syddjurs Kommune 2023");
    }

    await expect(page.getByRole("region", { name: "Vilkår" })).toContainText("bindende");
    await expect(page.getByRole("region", { name: "Vilkår" })).toContainText("kollega");
    await expect(page.getByRole("region", { name: "Spørgsmål om indholdet?" })).toContainText("33 70 32 34");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Log ind" })).toBeVisible();
  });

  test("carries schema.org Course data and Open Graph tags", async ({ page }) => {
    await page.goto(PAGE);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld["@type"]).toBe("Course");
    // One instance per upcoming cohort on the page (other specs may publish more cohorts).
    expect(ld.hasCourseInstance).toHaveLength(await page.locator('[data-testid^="cohort-"]').count());
    const autumn = ld.hasCourseInstance.find((i: { name: string }) => i.name === "Kommunernes Implementeringsuddannelse – Efterår 2027");
    expect(autumn).toMatchObject({
      "@type": "CourseInstance",
      startDate: "2027-08-23",
      endDate: "2027-11-02",
      location: { name: "KL-huset", address: { streetAddress: "Weidekampsgade 10", postalCode: "2300" } },
    });
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Kommunernes Implementeringsuddannelse");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /KL-huset/);
  });

  test("names the programme's own audience, and can be found and shared: robots.txt, sitemap.xml, og:image", async ({ page, request }) => {
    await page.goto(PAGE);
    await expect(page.locator(".facts dt", { hasText: "Målgruppe" }).locator("xpath=following-sibling::dd")).toHaveText(
      "Projektledere, ledere og konsulenter i kommuner, der har ansvaret for at implementere digitale løsninger.",
    );
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const robotsText = await robots.text();
    expect(robotsText).toContain("Disallow: /admin");
    expect(robotsText).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    expect(await sitemap.text()).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/uddannelser\/kommunernes-implementeringsuddannelse<\/loc>/);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toBeTruthy();
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    const png = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const bytes = await png.body();
    // PNG header: width and height at bytes 16–23.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test("an unknown programme gives a Danish 404 page", async ({ page }) => {
    const response = await page.goto("/uddannelser/findes-ikke");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
  });
});
