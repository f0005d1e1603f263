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

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

interface Run {
  scores: Record<string, number | null>;
  lcp: number;
  cls: number;
}

async function once(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    logLevel: "error",
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"], disableFullPageScreenshot: true },
      PRESET === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings) console.error(`lighthouse: warning: ${w}`);
    const scores = Object.fromEntries(["performance", "accessibility", "best-practices", "seo"].map((id) => {
      const s = lhr.categories[id]?.score;
      return [id, s === null || s === undefined ? null : Math.round(s * 100)];
    }));
    return { scores, lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN, cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN };
  } finally {
    chrome.kill();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Lighthouse `RUNS` times (3) against the programme page; the line gives each run and the medians. */
export async function benchLighthouse(): Promise<string> {
  return withDemoServer(async (server, db) => {
    const url = `${server.url}${PROGRAMME_PATH}`;
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(url));
    const med = (id: string) => median(runs.map((r) => r.scores[id] ?? NaN));
    return (
      `lighthouse: performance=${med("performance")} accessibility=${med("accessibility")} best_practices=${med("best-practices")} seo=${med("seo")} ` +
      `lcp_ms=${median(runs.map((r) => r.lcp)).toFixed(0)} cls=${median(runs.map((r) => r.cls)).toFixed(3)} ` +
      `runs=${runs.length} performance_runs=${runs.map((r) => r.scores.performance).join("/")} lcp_runs_ms=${runs.map((r) => r.lcp.toFixed(0)).join("/")} ` +
      `preset=${PRESET} db=${db.label}`
    );
  });
}
