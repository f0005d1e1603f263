// npm run bench [-- PART ...]: each part prints one line `name: key=value …`.
// Runs against a production build (built first when stale), on the PostgreSQL server when
// DATABASE_URL is set, else on an embedded database.
import { loadDotEnvFiles } from "../lib/env";
import { ensureBuild } from "../scripts/build";
import { benchBundle } from "./bundle";
import { benchEnrolment } from "./enrolment";
import { benchEvaluations } from "./evaluations";
import { benchFuzz } from "./fuzz";
import { benchLighthouse } from "./lighthouse";
import { benchPublicPage } from "./public-page";

const PARTS: Record<string, () => Promise<string>> = {
  enrolment: benchEnrolment,
  evaluations: benchEvaluations,
  fuzz: benchFuzz,
  "public-page": benchPublicPage,
  lighthouse: benchLighthouse,
  bundle: benchBundle,
};

const IN_PROCESS = new Set(["evaluations", "fuzz"]);

async function main() {
  loadDotEnvFiles();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((p) => !PARTS[p]);
  if (unknown.length) {
    console.error(`Unknown benchmark part(s): ${unknown.join(", ")}. Available: ${Object.keys(PARTS).join(", ")}`);
    process.exit(2);
  }
  const parts = requested.length ? requested : Object.keys(PARTS);
  // evaluations and fuzz run in process: they need no build.
  if (parts.some((p) => !IN_PROCESS.has(p))) ensureBuild();
  for (const name of parts) {
    console.log(await PARTS[name]!());
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
