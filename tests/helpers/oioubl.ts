// Validates an OIOUBL 2.1 Invoice or CreditNote offline, the way NemHandel does: the UBL 2.1 XSD
// (xmllint compiled to WebAssembly) and then the official OIOUBL schematron (compiled once to a SEF by
// scripts/oioubl-compile.ts, run by SaxonJS). Test-side only: the app never loads any of this.
// Assets and their provenance: tests/oioubl/README.md.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import SaxonJS from "saxon-js";
import { validateXML } from "xmllint-wasm";

const ASSETS = fileURLToPath(new URL("../oioubl/", import.meta.url));
type Kind = "Invoice" | "CreditNote";

export interface OioublValidation {
  /** XSD errors from xmllint ("line N: message"); empty when the document is schema-valid. */
  xsdErrors: string[];
  /** Failed schematron rules ("[F-INV044] …"); empty when valid. Warnings (W-…) are not errors. */
  schematronErrors: string[];
  /** Schematron warnings (ids starting with W-), for information. */
  schematronWarnings: string[];
}

let xsdFiles: { fileName: string; contents: string }[] | undefined;
/** The XSD set in xmllint's in-memory file system, flat: the maindocs' "../common/" imports rewritten. */
function schemaFiles() {
  if (!xsdFiles) {
    const common = readdirSync(path.join(ASSETS, "xsd/common")).map((f) => ({
      fileName: f,
      contents: readFileSync(path.join(ASSETS, "xsd/common", f), "utf8"),
    }));
    const maindocs = readdirSync(path.join(ASSETS, "xsd/maindoc")).map((f) => ({
      fileName: f,
      contents: readFileSync(path.join(ASSETS, "xsd/maindoc", f), "utf8").replaceAll('schemaLocation="../common/', 'schemaLocation="'),
    }));
    xsdFiles = [...maindocs, ...common];
  }
  return xsdFiles;
}

const stylesheets = new Map<Kind, unknown>();
/** The compiled schematron, parsed once per process (the SEF is ~25 MB of JSON; parsing takes a second). */
function stylesheet(kind: Kind): unknown {
  let sef = stylesheets.get(kind);
  if (!sef) {
    const file = path.join(ASSETS, `sef/OIOUBL_${kind}_Schematron.sef.json.gz`);
    sef = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"));
    stylesheets.set(kind, sef);
  }
  return sef;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function rootKind(xml: string): Kind | null {
  const m = /<(?:[\w.-]+:)?(Invoice|CreditNote)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  return (m?.[1] as Kind | undefined) ?? null;
}

export async function validateXsd(xml: string, kind: Kind): Promise<string[]> {
  const files = schemaFiles();
  const schema = files.find((f) => f.fileName === `UBL-${kind}-2.1.xsd`)!;
  const result = await validateXML({
    xml: { fileName: "document.xml", contents: xml },
    schema,
    preload: files.filter((f) => f !== schema),
    maxMemoryPages: 16 * 1024, // 1 GiB ceiling: the aggregate components XSD alone is 2.4 MB
  });
  return result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage));
}

/** Runs the schematron; returns the text of every <Error> it reports, split into errors and warnings. */
export function validateSchematron(xml: string, kind: Kind): { errors: string[]; warnings: string[] } {
  const out = SaxonJS.transform(
    { stylesheetInternal: stylesheet(kind), sourceText: xml, destination: "serialized" },
    "sync",
  ) as { principalResult: string };
  const messages: string[] = [];
  // The output is <Schematron><Error context="…"><Pattern/><Description>[F-…] text</Description>
  // <Xpath/></Error>…: the description carries the rule id and message, the XPath where it failed.
  for (const m of out.principalResult.matchAll(/<Error\b[\s\S]*?<\/Error>/g)) {
    const description = unescapeXml(/<Description>([\s\S]*?)<\/Description>/.exec(m[0])?.[1] ?? m[0]);
    const xpath = unescapeXml(/<Xpath>([\s\S]*?)<\/Xpath>/.exec(m[0])?.[1] ?? "");
    messages.push(xpath ? `${description} (${xpath})` : description);
  }
  return {
    errors: messages.filter((m) => !m.startsWith("[W-")),
    warnings: messages.filter((m) => m.startsWith("[W-")),
  };
}

/** Both checks. A document that fails the XSD is still run through the schematron (it says more). */
export async function validateOioubl(xml: string): Promise<OioublValidation> {
  const kind = rootKind(xml);
  if (!kind) return { xsdErrors: ["Rodelementet er hverken Invoice eller CreditNote"], schematronErrors: [], schematronWarnings: [] };
  const xsdErrors = await validateXsd(xml, kind);
  let schematronErrors: string[];
  let schematronWarnings: string[] = [];
  try {
    ({ errors: schematronErrors, warnings: schematronWarnings } = validateSchematron(xml, kind));
  } catch (e) {
    schematronErrors = [`Schematron kunne ikke køre: ${(e as Error).message}`];
  }
  return { xsdErrors, schematronErrors, schematronWarnings };
}
