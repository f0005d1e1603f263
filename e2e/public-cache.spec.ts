import { expect, test } from "@playwright/test";
import pg from "pg";
import { startServer } from "../tests/helpers/app-server";
import { fillApplicant, MUNICIPAL_APPLICANT, unique } from "./helpers";
import { manageLink, waitForMail } from "./mail";

// The public pages are served from a cache shared by every visitor (lib/public-cache, scripts/serve.ts).
const PROGRAMME = "/uddannelser/kommunernes-implementeringsuddannelse";
const FORM = "/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding";

test.describe("public pages from the cache", () => {
  test("an inline script injected into a cached page is blocked, and the page still hydrates", async ({ page }) => {
    await page.goto(FORM); // fills the cache
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // As if stored markup slipped a script into the page: the same cached response, one script more.
    let served: Record<string, string> = {};
    await page.route(`**${FORM}`, async (route) => {
      const res = await route.fetch();
      served = res.headers();
      const html = (await res.text()).replace("</main>", "<script>window.__injected = 1</script></main>");
      await route.fulfill({ response: res, body: html });
    });
    await page.goto(FORM);
    expect(served["x-stillads-cache"]).toBe("HIT");
    expect(served["content-security-policy"]).not.toContain("'nonce-");
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => /inline script/i.test(v))).toBe(true);
    // Hydrated: React owns the DOM, and the form reacts as only hydrated code makes it.
    expect(await page.locator("body > a.skip-link").evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber")))).toBe(true);
    await expect(page.getByLabel(/^CVR-nummer/)).toHaveCount(0);
    await page.getByLabel("En privat virksomhed").check();
    await expect(page.getByLabel(/^CVR-nummer/)).toBeVisible();
    expect(await page.locator('input[name="idempotencyKey"]').inputValue()).toMatch(/^[0-9a-f]{32}$/);
  });

  test("the programme page has nothing to hydrate and is served without scripts; its enrol link leads to the hydrating form", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(PROGRAMME);
    const res = await page.goto(PROGRAMME); // the second visit is the cache's
    expect(res!.headers()["x-stillads-cache"]).toBe("HIT");
    const html = await res!.text();
    expect(html).not.toContain("self.__next_f");
    expect(html).toContain('<script type="application/ld+json">');
    expect(res!.headers()["content-security-policy"]).toMatch(/script-src 'self'[^;]*;/);
    expect(res!.headers()["content-security-policy"]).not.toContain("unsafe-inline");
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    expect(scripts).toEqual([]);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.locator(`a[href="${FORM}"]`).first().click();
    await expect(page).toHaveURL(FORM);
    await page.getByLabel("En privat virksomhed").check();
    await expect(page.getByLabel(/^CVR-nummer/)).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`two people enrolling through the same cached form get two enrolments (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
      const people = [`anna-${unique()}@syddjurs.example`, `bo-${unique()}@syddjurs.example`];
      const pages = await Promise.all(people.map(async () => (await browser.newContext({ javaScriptEnabled, baseURL })).newPage()));
      const etags: string[] = [];
      for (const page of pages) {
        const res = await page.goto(FORM);
        etags.push(res!.headers()["etag"] ?? "");
      }
      // The same HTML for both: the second visitor got the first one's cached page.
      expect(etags[0]).toBeTruthy();
      expect(etags[1]).toBe(etags[0]);
      const keys: string[] = [];
      for (const [i, page] of pages.entries()) {
        await fillApplicant(page, people[i]!);
        keys.push(await page.locator('input[name="idempotencyKey"]').inputValue());
      }
      if (javaScriptEnabled) expect(new Set(keys).size).toBe(2);
      else expect(keys).toEqual(["", ""]); // no key in the shared HTML; one enrolment per person still holds
      for (const page of pages) {
        await page.getByRole("button", { name: "Tilmeld mig" }).click();
        await expect(page).toHaveURL(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
      }
      // Stored twice: each person has an enrolment of their own, with a manage link of their own.
      const links = await Promise.all(people.map(async (email) => manageLink(await waitForMail(baseURL!, email, /^Bekræftelse: /))));
      expect(new Set(links).size).toBe(2);
      for (const page of pages) await page.context().close();
    });
  }

  test("a change made through one instance shows on another instance's cached page within 5 seconds", async ({ browser, baseURL }, info) => {
    test.skip(info.project.name !== "server", "two instances share a PostgreSQL server; the embedded database belongs to one process");
    const port = Number(new URL(baseURL!).port);
    const dbUrl = new URL(process.env.DATABASE_URL!);
    dbUrl.pathname = `/stillads_e2e_${port}`;
    // A second app instance (the same build) on the e2e server's database.
    const second = await startServer({ DATABASE_URL: dbUrl.toString(), STILLADS_JOBS: "off" }, { port: port + 5, unset: ["PGLITE_DATA_DIR"] });
    try {
      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Cohort" WHERE slug = 'efteraar-2027'`);
      await client.end();

      // Read with a plain request: what the cache serves is the HTML itself.
      const seatsOn = async (url: string) => {
        const res = await fetch(url);
        const html = await res.text();
        return { cache: res.headers.get("x-stillads-cache"), seats: Number(/Der er (\d+) ledige? plads/.exec(html)?.[1] ?? NaN) };
      };
      await seatsOn(second.url + FORM);
      const before = await seatsOn(second.url + FORM);
      expect(before.cache).toBe("HIT");
      expect(before.seats).toBeGreaterThan(0);

      // An enrolment through the first instance takes a seat...
      const res = await (await browser.newContext({ baseURL })).request.post("/api/tilmeldinger", {
        data: { ...MUNICIPAL_APPLICANT, cohortId: rows[0]!.id, name: "Instans To", email: `instans-${unique()}@kommune.example` },
      });
      expect(res.status()).toBe(201);
      expect((await res.json()).data.status).toBe("CONFIRMED");
      const changedAt = Date.now();
      // ...and the second instance's cached page says so within 5 seconds.
      await expect.poll(async () => (await seatsOn(second.url + FORM)).seats, { timeout: 5_000, intervals: [200] }).toBe(before.seats - 1);
      expect(Date.now() - changedAt).toBeLessThan(5_000);
    } finally {
      await second.stop();
    }
  });
});
