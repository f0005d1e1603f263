// A production app server (scripts/serve.ts: Next.js behind the public-page cache, as `npm start` runs
// it) in a child process, for the benchmarks and for e2e tests that need a second instance.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the server on `port` (default: a free one from 3900) with this process's environment, minus
 * `unset`, plus `env`; mail goes to a folder of its own. Resolves once `/` answers 200.
 */
export async function startServer(
  env: Record<string, string>,
  opts: { port?: number; unset?: string[]; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = opts.port ?? 3900 + Math.floor(Math.random() * 90);
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "stillads-server-mail-"));
  const inherited = { ...process.env };
  for (const name of opts.unset ?? []) delete inherited[name];
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", path.resolve("scripts/serve.ts")], {
    env: {
      ...inherited,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: "",
      MAIL_DIR: mailDir,
      APP_URL: `http://127.0.0.1:${port}`,
      // next-auth refuses to run in production without a secret; a throwaway one per server, as no
      // session outlives it.
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited with ${child.exitCode}`);
    if (await fetch(`${url}/`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server on port ${port} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          fs.rmSync(mailDir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}
