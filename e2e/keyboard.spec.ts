import { expect, test, type Page } from "@playwright/test";
import { waitForMail } from "./mail";

// Enrolment with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrow keys and typing. No clicks,
// no fill() or check(): every field gets its value the way a keyboard user gives it.

const PAGE = "/uddannelser/kommunernes-implementeringsuddannelse";
const COHORT = "efteraar-2027";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { max = 60, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${selector} not reached with ${max} presses of ${back ? "Shift+Tab" : "Tab"}`);
}

/** The focused element shows that it has focus: it matches :focus-visible and draws an outline or a shadow. */
async function expectFocusVisible(page: Page, selector: string) {
  const focus = await page.evaluate((s) => {
    const el = document.activeElement;
    if (!el || !el.matches(s)) return { matches: false, outlined: false, focusVisible: false, described: el?.outerHTML.slice(0, 120) ?? "nothing" };
    const cs = getComputedStyle(el);
    const outlined = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
    return { matches: true, outlined, focusVisible: el.matches(":focus-visible"), described: `${cs.outlineStyle} ${cs.outlineWidth} / ${cs.boxShadow}` };
  }, selector);
  expect(focus.matches, `focus should be on ${selector}, is on ${focus.described}`).toBe(true);
  expect(focus.focusVisible, `${selector} should match :focus-visible`).toBe(true);
  expect(focus.outlined, `${selector} should show its focus (outline / shadow: ${focus.described})`).toBe(true);
}

test.describe("keyboard-only enrolment", () => {
  test("a visitor enrols with the keyboard alone and always sees where focus is", async ({ page, baseURL }) => {
    const email = `tastatur-${unique()}@syddjurs.example`;
    await page.goto(PAGE);

    // The first Tab reaches the skip link, which comes into view when focused.
    await page.keyboard.press("Tab");
    await expectFocusVisible(page, "a.skip-link");
    await expect(page.getByRole("link", { name: "Gå til indhold" })).toBeInViewport();

    // The hero's link jumps to the cohorts; the next Tabs continue from there to the enrol link.
    await tabTo(page, 'a[href="#hold-og-tilmelding"]');
    await expectFocusVisible(page, 'a[href="#hold-og-tilmelding"]');
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#hold-og-tilmelding$/);
    const enrolLink = `a[href="${PAGE}/hold/${COHORT}/tilmelding"]`;
    await tabTo(page, enrolLink, { max: 15 });
    await expectFocusVisible(page, enrolLink);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tilmelding: Efterår 2027");
    // Hydrated: the form shows only the fields for the chosen workplace (before hydration it shows all).
    await expect(page.locator("#organisationName")).toHaveCount(0);

    // A first attempt with the e-mail left out: Enter in a later field submits, and focus goes to the
    // first invalid field, which says what is wrong.
    await tabTo(page, "#name");
    await page.keyboard.type("Mette Hansen");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.locator("#phone")).toBeFocused();
    await page.keyboard.type("87 53 50 00");
    await page.keyboard.press("Enter");
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email-error")).toBeVisible();
    await expect(page).toHaveURL(/\/tilmelding$/);
    const landed = await page.evaluate(() => {
      const el = document.activeElement;
      if (el?.id === "email") return "field";
      if (el?.closest(".error-summary") || el?.querySelector(".error-summary")) return "summary";
      return el?.outerHTML.slice(0, 120) ?? "nothing";
    });
    expect(["field", "summary"], `focus after the failed submit is on ${landed}`).toContain(landed);
    if (landed === "field") {
      await expectFocusVisible(page, "#email");
    } else {
      // From the summary, which stands above the fields, Tab leads on to the field to fix.
      await tabTo(page, "#email", { max: 10 });
    }

    await page.keyboard.type(email);
    await tabTo(page, "#jobTitle", { max: 3 });
    await page.keyboard.type("Digitaliseringskonsulent");

    // Radios: Tab enters the group at the checked one; arrow keys move the choice.
    await page.keyboard.press("Tab");
    const radio = (value: string) => page.locator(`input[name="orgType"][value="${value}"]`);
    await expect(radio("MUNICIPALITY")).toBeFocused();
    await expectFocusVisible(page, 'input[name="orgType"]');
    await page.keyboard.press("ArrowDown");
    await expect(radio("OTHER_PUBLIC")).toBeChecked();
    await expect(page.locator("#organisationName")).toBeVisible();
    await page.keyboard.press("ArrowUp");
    await expect(radio("MUNICIPALITY")).toBeChecked();
    await expect(page.locator("#municipalityCode")).toBeVisible();

    // Select: typing a name picks the matching option without opening the list.
    await page.keyboard.press("Tab");
    await expect(page.locator("#municipalityCode")).toBeFocused();
    await expectFocusVisible(page, "#municipalityCode");
    await page.keyboard.type("Syddjurs");
    await expect(page.locator("#municipalityCode")).toHaveValue("706");

    await tabTo(page, "#ean", { max: 3 });
    await page.keyboard.type("5798000416604");
    await tabTo(page, "#billingStreet", { max: 3 });
    await page.keyboard.type("Lundbergsvej 2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("8400");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Ebeltoft");
    await tabTo(page, "#invoiceAttention", { max: 3 });
    await page.keyboard.type("Økonomiafdelingen");
    await tabTo(page, "#invoiceReference", { max: 3 });
    await page.keyboard.type("PO-2027-17");
    await tabTo(page, "#dietaryNeeds", { max: 3 });
    await page.keyboard.type("Vegetar");

    // Checkboxes: Space ticks them.
    await tabTo(page, 'input[name="acceptTerms"]', { max: 4 });
    await expectFocusVisible(page, 'input[name="acceptTerms"]');
    await page.keyboard.press("Space");
    await expect(page.locator('input[name="acceptTerms"]')).toBeChecked();
    await tabTo(page, 'input[name="acceptPrivacy"]', { max: 3 });
    await page.keyboard.press("Space");
    await expect(page.locator('input[name="acceptPrivacy"]')).toBeChecked();

    // Every required field holds what was typed.
    await expect(page.locator("#name")).toHaveValue("Mette Hansen");
    await expect(page.locator("#email")).toHaveValue(email);
    await expect(page.locator("#phone")).toHaveValue("87 53 50 00");
    await expect(page.locator("#jobTitle")).toHaveValue("Digitaliseringskonsulent");
    await expect(page.locator("#billingPostalCode")).toHaveValue("8400");
    await expect(page.locator("#billingCity")).toHaveValue("Ebeltoft");
    await expect(page.locator("#invoiceAttention")).toHaveValue("Økonomiafdelingen");

    // The submit button, past the privacy link in the last checkbox's label; Enter sends the form.
    await tabTo(page, 'form.enrolment-form button[type="submit"]', { max: 4 });
    await expectFocusVisible(page, 'form.enrolment-form button[type="submit"]');
    await expect(page.locator('form.enrolment-form button[type="submit"]')).toHaveText(/Tilmeld mig|Skriv mig på ventelisten/);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/tilmelding\/[A-Za-z0-9_-]{43}\?ny=1$/);
    // Other specs enrol in the same cohort; should it ever be full, the waitlist answer is right too.
    await expect(page.getByRole("status")).toContainText(/Tak for din tilmelding!|Du er skrevet på ventelisten\./);
    const mail = await waitForMail(baseURL!, email, /^(Bekræftelse|Venteliste): Kommunernes Implementeringsuddannelse, Efterår 2027$/);
    expect(mail.text).toContain("Mette Hansen");
  });
});
