#!/usr/bin/env node
// Generates the Prisma client (lib/generated/prisma) on install.
//
// Every Prisma CLI command, `generate` included, first looks for the native schema engine and tries to
// download it when it is missing; on machines without internet that download fails. `generate` never
// runs that engine, so when no real engine is present we point PRISMA_SCHEMA_ENGINE_BINARY at a
// placeholder file. This is the only place that workaround lives (see ../shared/platform-notes.md).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
const engineDir = path.resolve("node_modules/@prisma/engines");
const hasNativeEngine =
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ||
  (fs.existsSync(engineDir) && fs.readdirSync(engineDir).some((f) => f.startsWith("schema-engine")));

if (!hasNativeEngine) {
  const placeholder = path.join(os.tmpdir(), "stillads-no-schema-engine");
  fs.writeFileSync(placeholder, "#!/bin/sh\necho 'Stillads: the native schema engine is not installed; use npm run db:migrate' >&2\nexit 1\n", { mode: 0o755 });
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

const bin = path.resolve("node_modules/.bin/prisma");
const r = spawnSync(bin, ["generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
