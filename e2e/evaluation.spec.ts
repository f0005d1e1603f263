import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { enrolByApi, signIn, unique } from "./helpers";
import { waitForMail } from "./mail";

const PAGE = "/uddannelser/kommunernes-implementeringsuddannelse";

test.describe("course evaluations", () => {
  test("a coordinator invites, a participant answers once, the result is computed and shown on the public page", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const run = unique();
    const key = `anbefaling_${run}`;
    const a11y: Record<string, string[]> = {};
    const check = async (p = page) => {
      const v = await violations(p);
      if (v.length) a11y[new URL(p.url()).pathname] = v;
    };

    await signIn(page, "COORDINATOR");
    await page.goto("/admin/hold?q=Efter%C3%A5r%202027");
    await page.getByRole("link", { name: "Efterår 2027", exact: true }).click();
    await page.waitForURL(/\/admin\/hold\/[a-z0-9]+$/);
    const cohortId = new URL(page.url()).pathname.split("/").pop()!;
    expect((await enrolByApi(page, cohortId, `eval-${run}`)).status).toBe("CONFIRMED");

    // A form from the default template, with one question of our own for the public page.
    await page.getByRole("link", { name: "Evalueringer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evalueringer: Efterår 2027");
    await check();
    const title = `Evaluering ${run}`;
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByRole("button", { name: "Opret evaluering" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await check();
    await page.getByText("Tilføj spørgsmål", { exact: true }).click();
    const add = page.locator("details", { has: page.locator("summary", { hasText: /^Tilføj spørgsmål$/ }) });
    await add.getByLabel(/^Spørgsmål/).fill("Hvor sandsynligt er det, at du vil anbefale uddannelsen til en kollega?");
    await add.getByLabel(/^Nøgle/).fill(key);
    await add.getByRole("button", { name: "Tilføj spørgsmålet" }).click();
    await expect(add.getByRole("status")).toHaveText("Spørgsmålet er tilføjet.");
    await expect(page.getByText(`nøgle ${key}`)).toBeVisible();

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Invitér deltagerne nu" }).click();
    await expect(page.getByRole("region", { name: "Invitationer" }).getByRole("status")).toContainText(/\d+ deltagere? er inviteret/);
    const formUrl = page.url();

    // The participant's personal link from the mail.
    const mail = await waitForMail(baseURL!, `deltager-eval-${run}@kommune.example`, new RegExp(`^${title}$`));
    const link = /https?:\/\/\S+\/evaluering\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")![0];
    // Without JavaScript the server answers an empty submit with its messages (and stores nothing).
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const q = await noJs.newPage();
    await q.goto(new URL(link).pathname);
    await q.getByRole("button", { name: "Send mine svar" }).click();
    await expect(q.locator(".error-summary")).toContainText("Ret de markerede svar.");
    await expect(q.getByRole("radiogroup", { name: /kvaliteten af indholdet/ }).getByText("Vælg et svar")).toBeVisible();
    await noJs.close();

    const participant = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    const p = await participant.newPage();
    await p.goto(new URL(link).pathname);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(p.getByText("0 af 6 spørgsmål besvaret")).toBeVisible();
    await check(p);

    // Nothing chosen: each required question says so, and nothing is stored.
    await p.getByRole("button", { name: "Send mine svar" }).click();
    await expect(p.getByRole("radiogroup", { name: /kvaliteten af indholdet/ }).getByText("Vælg et svar")).toBeVisible();
    await expect(p.locator(".error-summary")).toContainText("Ret disse 4 svar");
    await check(p);

    for (const [question, value] of [[/kvaliteten af indholdet/, "7"], [/relevant var indholdet/, "8"], [/formidlingen/, "9"], [/anbefale uddannelsen/, "6"]] as const) {
      await p.getByRole("radiogroup", { name: question }).getByLabel(value, { exact: true }).check();
    }
    await expect(p.getByText("4 af 6 spørgsmål besvaret")).toBeVisible();
    await p.getByLabel(/Andre kommentarer/).fill("Meget brugbart – tak!");
    await p.getByRole("button", { name: "Send mine svar" }).click();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Tak for dit svar");

    // The link is single-use.
    await p.goto(new URL(link).pathname);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Du har allerede svaret");
    await check(p);
    await participant.close();

    // The coordinator sees the new figures, computed from the stored answer.
    await page.goto(formUrl);
    await expect(page.getByTestId("responded")).toHaveText("1");
    await page.getByRole("link", { name: "Se resultater" }).click();
    await expect(page.getByTestId("mean-content_quality")).toContainText("Gennemsnit 7,0");
    await expect(page.getByTestId(`mean-${key}`)).toContainText("Gennemsnit 6,0");
    await expect(page.getByText("Meget brugbart – tak!")).toBeVisible();
    await check();
    const csv = await page.request.get(new URL(page.url()).pathname.replace("resultater", "eksport") + "?format=csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Meget brugbart – tak!");

    // Published for this cohort, the public page shows it with N and the cohort.
    await page.getByRole("link", { name: /Sammenlign hold/ }).click();
    await expect(page.getByRole("row", { name: /Efterår 2027/ })).toContainText("7,0 (1)");
    await check();
    await page.getByLabel(/^Spørgsmål/).selectOption(key);
    await page.getByLabel(/^Fra hold/).selectOption({ label: "Efterår 2027" });
    await page.getByLabel(/^Tekst på siden/).fill("Vil anbefale uddannelsen");
    await page.getByRole("button", { name: "Vis på siden" }).click();
    await expect(page.getByRole("status")).toHaveText("Resultatet vises nu på uddannelsens side.");

    await page.goto(PAGE);
    const score = page.getByTestId(`score-${key}`);
    await expect(score).toContainText("Vil anbefale uddannelsen");
    await expect(score).toContainText("6,0 / 10");
    await expect(score).toContainText("1 besvarelse fra holdet Efterår 2027");
    // The seeded Syddjurs result is still there beside it.
    await expect(page.getByTestId("score-content_quality")).toContainText("9,8 / 10");

    expect(a11y).toEqual({});
  });

  test("unknown links get a clear page", async ({ page }) => {
    await page.goto(`/evaluering/${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
    await expect(page.getByTestId("evaluation-link-state")).toContainText("Tjek, at du har kopieret hele linket");
    expect(await violations(page)).toEqual([]);
  });
});
