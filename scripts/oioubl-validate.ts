// Validates OIOUBL files against the official XSD and schematron (tests/oioubl/), e.g. what
// `npm run invoices:export` wrote:   npx tsx scripts/oioubl-validate.ts DIR-or-FILE…
// Prints each file's errors and exits 1 if any file fails.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { validateOioubl } from "../tests/helpers/oioubl";

const files = process.argv.slice(2).flatMap((arg) =>
  statSync(arg).isDirectory()
    ? readdirSync(arg)
        .filter((f) => f.endsWith(".xml"))
        .sort()
        .map((f) => path.join(arg, f))
    : [arg],
);
if (files.length === 0) {
  console.error("usage: npx tsx scripts/oioubl-validate.ts DIR-or-FILE…");
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const { xsdErrors, schematronErrors } = await validateOioubl(readFileSync(file, "utf8"));
  const errors = [...xsdErrors.map((e) => `XSD: ${e}`), ...schematronErrors.map((e) => `schematron: ${e}`)];
  console.log(`${errors.length ? "FAIL" : "ok  "} ${file}`);
  for (const e of errors) console.log(`     ${e}`);
  if (errors.length) failed++;
}
console.log(`${files.length - failed} of ${files.length} valid`);
process.exit(failed ? 1 : 0);
