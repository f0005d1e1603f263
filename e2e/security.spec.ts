import { expect, test } from "@playwright/test";
import { fillApplicant, unique } from "./helpers";

test.describe("security headers", () => {
  test("cached public pages allow their inline scripts by hash, dynamic pages by a nonce, and nothing is blocked", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const checkCommon = (path: string, h: Record<string, string>) => {
      const csp = h["content-security-policy"] ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(h["strict-transport-security"], path).toContain("max-age=");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], path).toContain("camera=()");
      return csp;
    };
    // The public pages come from the cache, shared by every visitor: no nonce, a hash per inline script.
    // Those with nothing to hydrate have no script that runs at all (lib/public-cache/html-only.ts).
    const htmlOnly = ["/", "/privatliv", "/tilgaengelighed", "/uddannelser/kommunernes-implementeringsuddannelse"];
    for (const path of [...htmlOnly, "/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding"]) {
      const res = await page.goto(path);
      const h = res!.headers();
      expect(h["x-stillads-cache"], path).toMatch(/^(HIT|MISS)$/);
      const csp = checkCommon(path, h);
      expect(csp, path).not.toContain("'nonce-");
      const allowed = new Set(csp.match(/'sha256-[^']+'/g) ?? []);
      const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
      const running = await page.locator('script:not([type="application/ld+json"])').count();
      if (htmlOnly.includes(path)) expect(running, path).toBe(0);
      else expect(running, path).toBeGreaterThan(0);
      for (const text of inline) {
        const digest = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("base64");
        expect(allowed.has(`'sha256-${digest}'`), `${path}: an inline script without its hash`).toBe(true);
      }
    }
    // Pages for one visitor render per request, each with its own nonce.
    const nonces = new Set<string>();
    for (const path of ["/log-ind", "/findes-ikke", "/tilmelding/overdraget"]) {
      const res = await page.goto(path);
      const h = res!.headers();
      expect(h["x-stillads-cache"], path).toBeUndefined();
      const nonce = /'nonce-([^']+)'/.exec(checkCommon(path, h))?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      const scriptNonces = await page.locator("script[nonce]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
      expect(scriptNonces.length, path).toBeGreaterThan(0);
    }
    expect(nonces.size).toBe(3);
    // Hydration ran under the policy: only then does the form hide the company-only fields.
    await page.goto("/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding");
    await expect(page.getByLabel(/^CVR-nummer/)).toHaveCount(0);
    await page.getByLabel("En privat virksomhed").check();
    await expect(page.getByLabel(/^CVR-nummer/)).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the sign-in form never puts the password in the address, even without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("/log-ind");
    // Chromium with scripts disabled by the test still parses <noscript> as if they ran, so the notice
    // is checked in the HTML a browser without JavaScript gets.
    expect(await (await page.request.get("/log-ind")).text()).toMatch(/<noscript><p[^>]*>Log ind kræver JavaScript/);
    await page.getByLabel(/^E-mail/).fill("koordinator@stillads.invalid");
    await page.getByLabel(/^Adgangskode/).fill("hemmelig-kode-123");
    const [request] = await Promise.all([page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes("/log-ind")), page.getByRole("button", { name: "Log ind" }).click()]);
    expect(request.method()).toBe("POST");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log ind");
    expect(page.url()).not.toContain("hemmelig");
    await context.close();
  });

  test("static files carry the headers too", async ({ request, page }) => {
    await page.goto("/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding"); // a page that loads scripts
    const src = await page.locator("script[src]").first().getAttribute("src");
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("the JSON enrolment endpoint refuses what a cross-site form could send", async ({ request }) => {
    const body = JSON.stringify({ cohortId: "x", name: "Forfalsket" });
    const plain = await request.post("/api/tilmeldinger", { headers: { "content-type": "text/plain" }, data: body });
    expect(plain.status()).toBe(415);
    const form = await request.post("/api/tilmeldinger", { form: { cohortId: "x", name: "Forfalsket" } });
    expect(form.status()).toBe(415);
    const broken = await request.post("/api/tilmeldinger", { headers: { "content-type": "application/json" }, data: "{" });
    expect(broken.status()).toBe(400);
  });

  test("a server action refuses a post from another site; the same post from this site works", async ({ browser, baseURL }) => {
    // The no-JavaScript form post, captured in the browser and replayed with and without a foreign Origin.
    const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await ctx.newPage();
    const path = "/uddannelser/kommunernes-implementeringsuddannelse/hold/efteraar-2027/tilmelding";
    await page.goto(path);
    await fillApplicant(page, `csrf-${unique()}@syddjurs.example`);
    let captured: { body: Buffer; contentType: string } | null = null;
    await page.route(`**${path}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = { body: route.request().postDataBuffer()!, contentType: route.request().headers()["content-type"]! };
      await route.abort();
    });
    await page.getByRole("button", { name: /Tilmeld mig|Skriv mig på ventelisten/ }).click().catch(() => {});
    await expect.poll(() => captured).not.toBeNull();
    const post = (origin: string) => ctx.request.post(path, { headers: { "content-type": captured!.contentType, origin }, data: captured!.body, maxRedirects: 0 });

    const forged = await post("https://angriber.example");
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    // Nothing was stored: the same post from the site is a new enrolment, not "already enrolled".
    const genuine = await post(new URL(baseURL!).origin);
    expect(genuine.status()).toBe(303);
    expect(genuine.headers().location).toMatch(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
    await ctx.close();
  });
});
