import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

async function stopWith(signal: "SIGINT" | "SIGTERM") {
  // node --import tsx, not the tsx command: that one SIGKILLs a child that does not answer a signal within 30 ms.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-shutdown-"));
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/shutdown-child.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes("ready")) resolve(clearInterval(t));
      else if (child.exitCode !== null) reject(new Error(`exited early: ${out}`));
    }, 50);
  });
  await new Promise((r) => setTimeout(r, 300)); // let it write for a while
  const sent = Date.now();
  child.kill(signal);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  return { dir, out, code, ms: Date.now() - sent };
}

describe("exitOnSignals", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`on ${signal} runs the hooks in order, closes the embedded database before exiting, within seconds`, async () => {
      const { dir, out, ms } = await stopWith(signal);
      expect(ms).toBeLessThan(8_000);
      const writes = Number(/database closed after (\d+) writes/.exec(out)?.[1]);
      expect(writes).toBeGreaterThan(0);
      // The folder opens cleanly and holds every write made before the stop.
      const db = new PGlite(dir);
      try {
        const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tick");
        expect(rows[0]!.n).toBe(writes);
      } finally {
        await db.close();
      }
    }, 300_000);
  }
});
