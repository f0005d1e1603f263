import { defineConfig, devices } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

// The app on the embedded database always; on a scratch database of the PostgreSQL server as well
// when DATABASE_URL names one (as in CI). `npm run test:e2e` builds first, so both servers share it.
// E2E_PORT moves both servers (e.g. with NEXT_DIST_DIR, for a second run beside another on one machine).
const basePort = Number(process.env.E2E_PORT ?? 3210);
const targets = [
  { name: "embedded", port: basePort },
  ...(process.env.DATABASE_URL ? [{ name: "server", port: basePort + 1 }] : []),
];

// End-to-end tests run against a production build served by `npm start`'s own script, each on a fresh
// database of its own, in Debian's Chromium: Playwright's browser download does not work here.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    trace: "on-first-retry",
  },
  projects: targets.map((t) => ({ name: t.name, use: { ...browser, baseURL: `http://127.0.0.1:${t.port}` } })),
  webServer: targets.map((t) => ({
    command: `tsx e2e/serve.ts ${t.name} ${t.port}`,
    url: `http://127.0.0.1:${t.port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
