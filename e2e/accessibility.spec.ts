import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { DEMO_USERS } from "../prisma/seed/demo";

// axe-core (WCAG 2.1 A and AA rules) on the public pages and the admin pages.


const PUBLIC = [
  "/",
  "/uddannelser/kommunernes-implementeringsuddannelse",
  "/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding",
  "/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2023/tilmelding",
  "/privatliv",
  "/tilgaengelighed",
  "/log-ind",
  "/findes-ikke",
  "/tilmelding/overdraget",
  "/evaluering/tak",
];

test.describe("accessibility", () => {
  test("the check finds a real violation (it is not vacuous)", async ({ page }) => {
    await page.goto("/privatliv");
    // After hydration, which would otherwise remove a node React did not render.
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<input type="text" id="unlabelled">'));
    expect((await violations(page)).some((v) => v.startsWith("label:"))).toBe(true);
  });

  for (const path of PUBLIC) {
    test(`public page ${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      expect(await violations(page)).toEqual([]);
    });
  }

  test("the enrolment form with errors shown has no axe violations", async ({ page }) => {
    await page.goto("/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding");
    await page.getByRole("button", { name: /Tilmeld mig|Skriv mig på ventelisten/ }).click();
    await expect(page.getByText("Skriv navn", { exact: true })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("admin pages have no axe violations", async ({ page }) => {
    const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
    await page.goto("/log-ind");
    await page.getByLabel(/^E-mail/).fill(admin.email);
    await page.getByLabel(/^Adgangskode/).fill(admin.password);
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    const found: Record<string, string[]> = {};
    const visit = async (path: string) => {
      await page.goto(path);
      const v = await violations(page);
      if (v.length) found[path] = v;
    };
    for (const path of ["/admin", "/admin/hold", "/admin/hold/ny", "/admin/uddannelser", "/admin/steder", "/admin/brugere", "/admin/logbog", "/admin/uddannelser/ny", "/admin/personer"]) await visit(path);
    await page.goto("/admin/hold?q=Efter%C3%A5r%202027");
    await page.getByRole("link", { name: "Efterår 2027", exact: true }).click();
    await page.waitForURL(/\/admin\/hold\/[a-z0-9]+$/);
    const cohortPath = new URL(page.url()).pathname;
    await visit(cohortPath);
    await visit(`${cohortPath}/fremmoede`);
    // An enrolment's page, from the seeded Syddjurs cohort (it has participants whatever ran before).
    await page.goto("/admin/hold?q=Syddjurs");
    await page.getByRole("link", { name: "Syddjurs Kommune 2023", exact: true }).click();
    await page.getByRole("link", { name: "Deltager 01 (demo)", exact: true }).click();
    await page.waitForURL(/\/admin\/tilmeldinger\/[a-z0-9]+$/);
    await visit(new URL(page.url()).pathname);
    for (const [list, name] of [["/admin/uddannelser", "Kommunernes Implementeringsuddannelse"], ["/admin/steder", "KL-huset"], ["/admin/brugere", "Demo Underviser"]] as const) {
      await page.goto(list);
      await page.getByRole("link", { name, exact: true }).first().click();
      await page.waitForURL(/\/[a-z0-9]{20,}$/);
      await visit(new URL(page.url()).pathname);
    }
    expect(found).toEqual({});
  });
});
