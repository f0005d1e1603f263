// npm run invoices:export -- --out DIR [--cohort ID]
// Writes every issued invoice and credit note as the buyer receives it: DIR/faktura-<number>.xml and
// DIR/kreditnota-<number>.xml (OIOUBL 2.1) for buyers with an EAN/GLN, .pdf for the others. With the
// embedded database the app must not be running (one process at a time may open its folder).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../lib/db/client";
import { describeDbTarget, resolveDbTarget } from "../lib/db/target";
import { loadDotEnvFiles } from "../lib/env";

async function main() {
  loadDotEnvFiles();
  const { values } = parseArgs({ options: { out: { type: "string" }, cohort: { type: "string" } } });
  if (!values.out) throw new Error("Angiv en mappe: npm run invoices:export -- --out DIR [--cohort ID]");
  const target = resolveDbTarget();
  const db = openDb(target);
  // lib/ reads the app's client from this slot (lib/db.ts).
  (globalThis as unknown as { __stilladsDb?: unknown }).__stilladsDb = db;
  try {
    const { exportFiles } = await import("../lib/invoicing/queries");
    const files = await exportFiles(values.cohort);
    fs.mkdirSync(values.out, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(values.out, f.filename), f.body);
    const xml = files.filter((f) => f.filename.endsWith(".xml")).length;
    console.log(`${files.length} filer skrevet til ${path.resolve(values.out)} fra ${describeDbTarget(target)}: ${xml} OIOUBL-XML, ${files.length - xml} PDF.`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
