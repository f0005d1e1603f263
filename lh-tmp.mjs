import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const r = await lighthouse(process.argv[2], { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
const a = r.lhr.audits;
console.log("perf", r.lhr.categories.performance.score, "lcp", a["largest-contentful-paint"].numericValue, "fcp", a["first-contentful-paint"].numericValue, "tbt", a["total-blocking-time"].numericValue, "si", a["speed-index"].numericValue);
console.log(JSON.stringify(a["largest-contentful-paint-element"]?.details?.items?.map(i => i.items ?? i), null, 0).slice(0, 1500));
console.log("render-blocking", JSON.stringify(a["render-blocking-resources"]?.details?.items ?? a["render-blocking-insight"]?.details?.items ?? null).slice(0, 600));
chrome.kill();
