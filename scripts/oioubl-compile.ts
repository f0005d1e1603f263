// Regenerates tests/oioubl/ from the official OIOUBL validation package (a zip from
// Erhvervsstyrelsen): the UBL 2.1 XSDs for Invoice and CreditNote, two official examples, and the
// Invoice/CreditNote schematron compiled to SaxonJS SEF (gzipped). Compiling takes minutes and much
// memory, which is why the result is committed and the tests only read it.
//
//   npx tsx scripts/oioubl-compile.ts path/to/OIOUBL_Schematron_<date>_v<version>.zip
//
// After a new package version: run this, update the version in tests/oioubl/README.md, and run
// `npx vitest run lib/invoicing/oioubl.test.ts`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { unzipSync } from "fflate";

const root = process.cwd();
if (!process.argv[2]) {
  console.error("usage: npx tsx scripts/oioubl-compile.ts path/to/OIOUBL_Schematron_<date>_v<version>.zip");
  process.exit(2);
}
const zipPath = path.resolve(process.argv[2]);
const out = path.join(root, "tests/oioubl");
const KINDS = ["Invoice", "CreditNote"] as const;
const COMMON = [
  "CCTS_CCT_SchemaModule",
  "UBL-CommonAggregateComponents",
  "UBL-CommonBasicComponents",
  "UBL-CommonExtensionComponents",
  "UBL-CommonSignatureComponents",
  "UBL-ExtensionContentDataType",
  "UBL-QualifiedDataTypes",
  "UBL-SignatureAggregateComponents",
  "UBL-SignatureBasicComponents",
  "UBL-UnqualifiedDataTypes",
  "UBL-XAdESv132",
  "UBL-XAdESv141",
  "UBL-xmldsig-core-schema",
].map((name) => `${name}-2.1.xsd`);

const files = unzipSync(readFileSync(zipPath));
function entry(name: string): Uint8Array {
  const file = files[name];
  if (!file) throw new Error(`${name} is not in ${zipPath}`);
  return file;
}
function put(rel: string, data: Uint8Array | string) {
  const target = path.join(out, rel);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, data);
  console.log(`wrote tests/oioubl/${rel}`);
}

for (const kind of KINDS) put(`xsd/maindoc/UBL-${kind}-2.1.xsd`, entry(`Schemas/UBL_v2.1/maindoc/UBL-${kind}-2.1.xsd`));
for (const name of COMMON) put(`xsd/common/${name}`, entry(`Schemas/UBL_v2.1/common/${name}`));
for (const kind of KINDS) put(`examples/OIOUBL_${kind}_v2p2.xml`, entry(`Eksempelfiler/OIOUBL_${kind}_v2p2.xml`));

const work = mkdtempSync(path.join(tmpdir(), "oioubl-"));
try {
  for (const kind of KINDS) {
    const xsl = path.join(work, `OIOUBL_${kind}_Schematron.xsl`);
    const sef = path.join(work, `OIOUBL_${kind}_Schematron.sef.json`);
    writeFileSync(xsl, entry(`Stylesheets/OIOUBL_${kind}_Schematron.xsl`));
    console.log(`compiling ${path.basename(xsl)} (a few minutes)…`);
    execFileSync(process.execPath, [path.join(root, "node_modules/xslt3/xslt3.js"), `-xsl:${xsl}`, `-export:${sef}`, "-nogo", "-relocate:on"], {
      stdio: "inherit",
    });
    put(`sef/OIOUBL_${kind}_Schematron.sef.json.gz`, gzipSync(readFileSync(sef), { level: 9 }));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
