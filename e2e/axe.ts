import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe-core's WCAG 2.1 A/AA findings on the current page, one line each. */
export async function violations(page: Page) {
  // Next streams a dynamic page's metadata: give the <title> a moment to arrive. A page that never
  // gets one is still reported by axe below.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => {});
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}
