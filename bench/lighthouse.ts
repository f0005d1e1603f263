// npm run bench -- lighthouse
// Lighthouse's four categories and two Core Web Vitals for the public programme page, on a production
// server with the demo data, in Debian's Chromium. Preset: Lighthouse's default, mobile (a mid-range
// phone on slow 4G with a 4× slower CPU, simulated, so the figures do not depend on this network);
// BENCH_LIGHTHOUSE_PRESET=desktop uses its desktop preset instead.
// Works offline: simulated throttling needs no real network, Chromium is started with its background
// network services off (chrome-launcher's default flags), and the page loads nothing from other hosts.
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { PROGRAMME_PATH, withDemoServer } from "./server";

const PRESET = process.env.BENCH_LIGHTHOUSE_PRESET === "desktop" ? "desktop" : "mobile";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function benchLighthouse(): Promise<string> {
  return withDemoServer(async (server, db) => {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic"],
      logLevel: "error",
    });
    try {
      const result = await lighthouse(
        `${server.url}${PROGRAMME_PATH}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
          disableFullPageScreenshot: true,
        },
        PRESET === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error("Lighthouse returned no result");
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings) console.error(`lighthouse: warning: ${w}`);
      const score = (id: string) => {
        const s = lhr.categories[id]?.score;
        return s === null || s === undefined ? "n/a" : String(Math.round(s * 100));
      };
      const value = (id: string) => lhr.audits[id]?.numericValue;
      const lcp = value("largest-contentful-paint");
      const cls = value("cumulative-layout-shift");
      return (
        `lighthouse: performance=${score("performance")} accessibility=${score("accessibility")} ` +
        `best_practices=${score("best-practices")} seo=${score("seo")} ` +
        `lcp_ms=${lcp === undefined ? "n/a" : lcp.toFixed(0)} cls=${cls === undefined ? "n/a" : cls.toFixed(3)} ` +
        `preset=${PRESET} db=${db.label}`
      );
    } finally {
      chrome.kill();
    }
  });
}
