import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./adapter";

describe("lockDataDir", () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "stillads-lock-"));

  it("refuses a folder another live process holds, and takes over a dead process's lock", () => {
    const d = dir();
    const lockFile = `${d}.lock`;
    // A live process that is not us: our parent.
    fs.writeFileSync(lockFile, String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(/in use by another process \(pid \d+\)/);
    // A pid that no longer runs.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(lockFile, dead);
    const release = lockDataDir(d);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
