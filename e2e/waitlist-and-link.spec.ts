import { expect, test, type Page } from "@playwright/test";
import { violations } from "./axe";
import { createPublishedCohort, daysIn2029, enrolByApi, fillApplicant, signIn, unique } from "./helpers";
import { manageLink, waitForMail } from "./mail";

// Issue 12, items 5 and 6: the manage page of a waitlisted person, leaving the waitlist, and
// "Send mit link igen" on the enrolment page, each with and without JavaScript.

const PAGE = "/uddannelser/kommunernes-implementeringsuddannelse";

/** A published one-seat cohort created by an administrator, on days no other spec uses. */
async function oneSeatCohort(page: Page): Promise<string> {
  await signIn(page, "ADMIN");
  const slug = `vl-${unique()}`;
  return createPublishedCohort(page, { name: `Ventelistehold ${slug}`, slug, capacity: 1, closesAt: "2028-12-01", days: daysIn2029([3, 4]) });
}

test.describe("the waitlist on the manage page", () => {
  test("a waitlisted person sees their place, nothing binding, and leaves at once; the admin list shows the same places", async ({ page, baseURL, browser }) => {
    // Creating a cohort, four mails and three pages in two browsers: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const cohortId = await oneSeatCohort(page);
    const [seat, first, second] = [unique(), unique(), unique()];
    expect((await enrolByApi(page, cohortId, seat)).status).toBe("CONFIRMED");
    expect((await enrolByApi(page, cohortId, first)).status).toBe("WAITLISTED");
    expect((await enrolByApi(page, cohortId, second)).status).toBe("WAITLISTED");

    await page.goto(`/admin/hold/${cohortId}`);
    await expect(page.getByTestId(`enrolment-deltager-${first}@kommune.example`)).toContainText("(nr. 1)");
    await expect(page.getByTestId(`enrolment-deltager-${second}@kommune.example`)).toContainText("(nr. 2)");

    const firstLink = manageLink(await waitForMail(baseURL!, `deltager-${first}@kommune.example`, /^Venteliste: /));
    const visitorContext = await browser.newContext({ baseURL });
    const visitor = await visitorContext.newPage();
    await visitor.goto(firstLink);
    await expect(visitor.getByTestId("enrolment-status")).toHaveText("Du står på ventelisten. Du er nummer 1 på ventelisten.");
    const main = visitor.getByRole("main");
    await expect(main).not.toContainText("har din plads");
    await expect(main).not.toContainText("Tilmeldingen er bindende. Du kan bede om");
    await expect(visitor.getByRole("button", { name: "Bed om afmelding" })).toHaveCount(0);
    await expect(visitor.getByRole("heading", { name: "Vilkår, hvis du får en plads" })).toBeVisible();
    expect(await violations(visitor)).toEqual([]);

    visitor.once("dialog", (dlg) => void dlg.accept());
    await visitor.getByRole("button", { name: "Meld mig af ventelisten" }).click();
    await expect(visitor).toHaveURL(/\?venteliste=forladt$/);
    await expect(visitor.getByRole("status").filter({ hasText: "Du står ikke længere på ventelisten. Du skal ikke betale noget." })).toBeVisible();
    await visitor.reload();
    await expect(visitor.getByTestId("enrolment-status")).toHaveText("Du står ikke længere på ventelisten.");
    await expect(visitor.getByRole("button", { name: "Meld mig af ventelisten" })).toHaveCount(0);
    await waitForMail(baseURL!, `deltager-${first}@kommune.example`, /^Du er afmeldt ventelisten/);

    // The one behind moves up, in the admin list and on their own page alike.
    await page.reload();
    await expect(page.getByTestId(`enrolment-deltager-${second}@kommune.example`)).toContainText("(nr. 1)");
    await expect(page.getByTestId("seats-waitlist")).toHaveText("1");

    // Without JavaScript the same button posts and the page answers.
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(manageLink(await waitForMail(baseURL!, `deltager-${second}@kommune.example`, /^Venteliste: /)));
    await expect(p.getByTestId("enrolment-status")).toHaveText("Du står på ventelisten. Du er nummer 1 på ventelisten.");
    await p.getByRole("button", { name: "Meld mig af ventelisten" }).click();
    await expect(p.getByText("Du står ikke længere på ventelisten. Du skal ikke betale noget.")).toBeVisible();
    await expect(p.getByTestId("enrolment-status")).toHaveText("Du står ikke længere på ventelisten.");
    await noJs.close();
    await visitorContext.close();
    await page.reload();
    await expect(page.getByTestId("seats-waitlist")).toHaveText("0");
  });
});

test.describe("'Send mit link igen'", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`mails a fresh link and never shows it (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      const page = await context.newPage();
      const email = `glemt-${unique()}@syddjurs.example`;
      const form = `${PAGE}/hold/foraar-2027/tilmelding`;
      await page.goto(form);
      await fillApplicant(page, email);
      await page.getByRole("button", { name: /Tilmeld mig|Skriv mig på ventelisten/ }).click();
      await expect(page).toHaveURL(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
      const oldLink = manageLink(await waitForMail(baseURL!, email, /^(Bekræftelse|Venteliste): /));

      // Enrolling again says so, and points to the way to get the link again.
      await page.goto(form);
      await fillApplicant(page, email);
      await page.getByRole("button", { name: /Tilmeld mig|Skriv mig på ventelisten/ }).click();
      await expect(page.getByText(/Du er allerede tilmeldt dette hold\..*Send mit link igen/)).toBeVisible();

      const section = page.getByRole("region", { name: "Send mit link igen" });
      const ask = async (address: string) => {
        await page.goto(form);
        await section.getByLabel(/^Din e-mail/).fill(address);
        await section.getByRole("button", { name: "Send mit link igen" }).click();
        await expect(section.getByText(/^Hvis e-mailadressen er tilmeldt holdet, har vi nu sendt et nyt link til den\./)).toBeVisible();
        // The link is never on the screen.
        expect(await page.content()).not.toMatch(/\/tilmelding\/[A-Za-z0-9_-]{43}/);
        return section.innerText();
      };
      const answerUnknown = await ask(`ukendt-${unique()}@syddjurs.example`);
      const answerKnown = await ask(email.toUpperCase());
      expect(answerKnown).toBe(answerUnknown);

      const fresh = manageLink(await waitForMail(baseURL!, email, /^Dit link til tilmeldingen: /));
      expect(fresh).not.toBe(oldLink);
      await page.goto(fresh);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din tilmelding");
      // (Without JavaScript the not-found answer is in the streamed HTML, not laid out as a heading.)
      await page.goto(oldLink);
      expect(await page.content()).toContain("Linket virker ikke");
      await context.close();
    });
  }
});
