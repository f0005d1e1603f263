import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../tests/helpers/pdf-text";
import { violations } from "./axe";
import { enrolByApi, signIn, unique } from "./helpers";
import { waitForMail } from "./mail";

// Kursusbevis (download, verification page) and "Skriv til holdet" (preview, send), issue 14.

const WIDTHS = [390, 1280] as const;

async function axeAtBothWidths(page: Page) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await violations(page), `axe at ${width} px on ${page.url()}`).toEqual([]);
    // Nothing sticks out sideways on a phone: the elements that do, if any, by tag and class.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5),
    );
    expect(wide, `wider than ${width} px on ${page.url()}`).toEqual([]);
    // For a person to look at afterwards (test-results/…), not compared.
    await page.screenshot({ path: test.info().outputPath(`${new URL(page.url()).pathname.split("/").filter(Boolean).join("-")}-${width}.png`), fullPage: true });
  }
}

async function openCohort(page: Page, name: string): Promise<string> {
  await page.goto("/admin/hold");
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test.describe("kursusbevis", () => {
  test("an admin downloads a seeded completed participant's kursusbevis, and its code verifies", async ({ page }) => {
    await signIn(page, "ADMIN");
    await openCohort(page, "Syddjurs Kommune 2023");
    await page.getByRole("link", { name: "Deltager 01 (demo)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deltager 01 (demo)");
    await axeAtBothWidths(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent kursusbevis (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kursusbevis-[0-9A-Z-]{24}\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const { text } = await pdfText(new Uint8Array(Buffer.concat(chunks)));
    expect(text).toContain("Kursusbevis");
    expect(text).toContain("Deltager 01 (demo)");
    expect(text).toContain("Kommunernes Implementeringsuddannelse");
    const code = /Verifikationskode: ([0-9A-Z-]{24})/.exec(text)![1]!;

    const verify = await page.goto(`/kursusbevis/${code}`);
    expect(verify!.status()).toBe(200);
    await expect(page.getByTestId("certificate-state")).toContainText("Kursusbeviset er gyldigt.");
    await expect(page.getByTestId("certificate-name")).toHaveText("Deltager 01 (demo)");
    await expect(page.getByText("Kommunernes Implementeringsuddannelse")).toBeVisible();
    await axeAtBothWidths(page);
  });

  test("an unknown code answers 404 in Danish", async ({ page }) => {
    const r = await page.goto("/kursusbevis/ABCD-EFGH-JKMN-PQRS-TVWX");
    expect(r!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursusbeviset findes ikke");
    await axeAtBothWidths(page);
  });
});

test.describe("a message to a cohort", () => {
  test("a coordinator previews and sends a message to the seat holders", async ({ page, baseURL }) => {
    await signIn(page, "COORDINATOR");
    const cohortId = await openCohort(page, "Forår 2027");
    const n = unique();
    await enrolByApi(page, cohortId, n);

    await page.getByRole("link", { name: "Skriv til holdet" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv til holdet");
    await axeAtBothWidths(page);
    // Nothing typed: Danish messages, nothing saved.
    await page.getByRole("button", { name: "Vis beskeden, før den sendes" }).click();
    await expect(page.getByText("Skriv et emne").first()).toBeVisible();

    const subject = `Praktisk om Forår 2027 ${n}`;
    await page.getByLabel(/^Emne/).fill(subject);
    await page.getByLabel(/^Besked/).fill("Husk at læse artiklen før første modul.\n\nVi ses i KL-huset.");
    await page.getByRole("button", { name: "Vis beskeden, før den sendes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se beskeden, før den sendes");
    await expect(page.getByTestId("preview-subject")).toHaveText(subject);
    await expect(page.getByTestId("preview-text")).toContainText("Husk at læse artiklen før første modul.");
    await expect(page.getByRole("listitem").filter({ hasText: `Deltager ${n}` })).toHaveText(`Deltager ${n} (bekræftet)`);
    await axeAtBothWidths(page);

    page.once("dialog", (d) => d.accept());
    // Other tests may have seated people on the same cohort: the count is whatever the list shows.
    await page.getByRole("button", { name: /^Send til \d+ modtagere?$/ }).click();
    await expect(page.getByTestId("message-sent")).toContainText("Beskeden er sendt.");
    const mail = await waitForMail(baseURL!, `deltager-${n}@kommune.example`, new RegExp(subject));
    expect(mail.text).toContain(`Kære Deltager ${n}`);
    expect(mail.text).toContain("Vi ses i KL-huset.");
  });
});
