// npm run retention             dry run: what the retention rules would anonymise and delete, per class
// npm run retention -- --apply  do it, in one transaction, and record the counts in the audit log
// The periods are in lib/privacy/policy.ts. Only counts are printed, never personal data. Meant to run
// daily (cron or a scheduled job) against the production database; with the embedded database the
// app must not be running, since one process at a time may open its folder.
import { parseArgs } from "node:util";
import { openDb } from "../lib/db/client";
import { describeDbTarget, resolveDbTarget } from "../lib/db/target";
import { loadDotEnvFiles } from "../lib/env";
import { applyRetention, retentionDryRun, type RetentionReport } from "../lib/privacy/retention";
import { formatDate, formatDateTime } from "../lib/time";

// Cutoffs in Danish time: the financial-year ones are midnight in Copenhagen, the day before in UTC.
const day = (iso: string) => formatDate(new Date(iso));

function print(r: RetentionReport) {
  const verb = r.applied ? "" : "ville blive ";
  const lines = [
    `Deltageroplysninger (hold afsluttet før ${day(r.participantData.cutoff)}): ${r.participantData.persons} personer og ${r.participantData.enrolments} tilmeldinger ${verb}anonymiseret; ` +
      `${r.participantData.attendanceNotes} fremmødenoter ${verb}fjernet, ${r.participantData.evaluationInvitations} evalueringsinvitationer ${verb}slettet, ` +
      `${r.participantData.auditEntries} logbogshændelser ${verb}ryddet`,
    `Fakturaoplysninger (hold afsluttet før ${day(r.invoicingData.cutoff)}): ${r.invoicingData.enrolments} tilmeldinger og ${r.invoicingData.persons} personer ${verb}slettet; ` +
      `${r.invoicingData.invoices} fakturaer og kreditnotaer (udstedt før ${day(r.invoicingData.cutoff)}) ${verb}slettet`,
    `Logbog (skrevet før ${day(r.auditLog.cutoff)}): ${r.auditLog.entries} hændelser ${verb}slettet`,
    `Mails (sendt eller opgivet før ${day(r.mail.cutoff)}): ${r.mail.messages} ${verb}slettet`,
    `Tællere mod misbrug (før ${formatDateTime(new Date(r.rateLimits.cutoff))}): ${r.rateLimits.buckets} ${verb}slettet`,
  ];
  for (const l of lines) console.log(`- ${l}`);
}

async function main() {
  loadDotEnvFiles();
  const { values } = parseArgs({ options: { apply: { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const target = resolveDbTarget();
  const db = openDb(target);
  try {
    const report = values.apply ? await applyRetention(db.prisma) : await retentionDryRun(db.prisma);
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    console.log(`${values.apply ? "Sletteregler gennemført" : "Prøvekørsel – intet er ændret"} i ${describeDbTarget(target)} (${report.now}):`);
    print(report);
    if (!values.apply) console.log("Kør `npm run retention -- --apply` for at gennemføre.");
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
