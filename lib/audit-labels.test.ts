import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditActor, auditChanges, auditSubject, formatAuditValue } from "./audit-labels";

const LIB = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The argument text of every audit(...) call in lib/ (not the definition in lib/audit.ts). */
function auditCalls(): Array<{ file: string; args: string }> {
  const calls: Array<{ file: string; args: string }> = [];
  for (const file of sourceFiles(LIB)) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/(?<![\w.])audit\(/g)) {
      const lineStart = src.lastIndexOf("\n", m.index) + 1;
      const before = src.slice(lineStart, m.index);
      // The definition, and mentions in comments.
      if (/function\s+$/.test(before) || /^\s*(\/\/|\*|\/\*)/.test(before)) continue;
      let depth = 0;
      let end = m.index + m[0].length - 1;
      for (; end < src.length; end++) {
        if (src[end] === "(") depth++;
        else if (src[end] === ")" && --depth === 0) break;
      }
      calls.push({ file: path.relative(LIB, file), args: src.slice(m.index + m[0].length, end) });
    }
  }
  return calls;
}

const literals = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);

describe("audit log labels", () => {
  const calls = auditCalls();

  it("finds the audit calls in lib/", () => {
    expect(calls.length).toBeGreaterThan(20);
  });

  it("has a Danish label for every action code recorded in lib/", () => {
    const missing: string[] = [];
    for (const { file, args } of calls) {
      const action = /action:\s*([^,}]+)/.exec(args)?.[1] ?? "";
      const codes = literals(action);
      // A code built at run time could not be checked here, nor found by searching the code.
      expect(codes.length, `${file}: write the audit action as a string literal`).toBeGreaterThan(0);
      for (const code of codes) if (!AUDIT_ACTION_LABELS[code]) missing.push(`${code} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it("has a Danish label for every entity type recorded in lib/", () => {
    const missing: string[] = [];
    for (const { file, args } of calls) {
      for (const type of literals(/entityType:\s*([^,}]+)/.exec(args)?.[1] ?? "")) if (!AUDIT_ENTITY_LABELS[type]) missing.push(`${type} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it("names the actors that are not staff users", () => {
    expect(auditActor("applicant")).toEqual({ name: "Ansøger" });
    expect(auditActor("participant:ck123")).toEqual({ name: "Deltager", enrolmentId: "ck123" });
    expect(auditActor("system")).toEqual({ name: "Systemet" });
    expect(auditActor(null, "Kirsten Koordinator")).toEqual({ name: "Kirsten Koordinator" });
    expect(auditActor(null)).toEqual({ name: "–" });
  });

  it("shows an unknown action code rather than nothing", () => {
    expect(auditActionLabel("enrolment.cancelled")).toBe("Tilmelding annulleret");
    expect(auditActionLabel("x.y")).toBe("x.y");
  });

  it("writes values in Danish: Danish time, kroner, status names", () => {
    // 07:00 UTC is 09:00 in Copenhagen in September (summer time).
    expect(formatAuditValue("offerExpiresAt", "2027-09-06T07:00:00.000Z")).toBe("6. september 2027 kl. 09.00");
    expect(formatAuditValue("priceOre", 1_295_000)).toMatch(/^12\.950,00\s?kr\.$/);
    expect(formatAuditValue("status", "COMPLETED", "Enrolment")).toBe("Gennemført");
    expect(formatAuditValue("status", "COMPLETED", "Cohort")).toBe("Afsluttet");
    expect(formatAuditValue("bindingEnrolment", false)).toBe("Nej");
    expect(formatAuditValue("role", "TEACHER")).toBe("Underviser");
    expect(formatAuditValue("reason", null)).toBe("–");
    expect(formatAuditValue("marks", [{ status: "PRESENT" }, { status: "PRESENT" }, { status: "ABSENT" }])).toBe("Til stede: 2, Fraværende: 1");
  });

  it("lists a change field by field, leaving out what stayed the same", () => {
    const changes = auditChanges({
      entityType: "Cohort",
      before: { name: "Forår", capacity: 30, enrolmentOpensAt: "2026-10-01T00:00:00.000Z" },
      after: { name: "Forår", capacity: 40, enrolmentOpensAt: "2026-10-02T00:00:00.000Z" },
    });
    expect(changes).toEqual([
      { field: "Antal pladser", before: "30", after: "40" },
      { field: "Tilmelding åbner", before: "1. oktober 2026 kl. 02.00", after: "2. oktober 2026 kl. 02.00" },
    ]);
    expect(auditChanges({ entityType: "Enrolment", before: undefined, after: { status: "WAITLISTED", waitlistPosition: 3 } })).toEqual([
      { field: "Status", after: "Venteliste" },
      { field: "Nummer på ventelisten", after: "3" },
    ]);
    expect(auditChanges({ entityType: "Programme", before: { content: { lead: ["a"] } }, after: { content: { lead: ["b"] } } })).toEqual([{ field: "Sidetekst", after: "ændret" }]);
    expect(auditChanges({ entityType: "Cohort", before: null, after: null })).toEqual([]);
  });
});

describe("auditSubject", () => {
  it("names what an entry is about: as stored at the time, else from the entry's own data, else by id", () => {
    expect(auditSubject({ entityType: "Cohort", entityId: "cmabcdefghijklmnop", entityLabel: "Efterår 2027 (KIU)", after: { name: "Forår 2028" } })).toBe("Hold: Efterår 2027 (KIU)");
    expect(auditSubject({ entityType: "Venue", entityId: "cmabcdefghijklmnop", entityLabel: null, after: { name: "KL-huset" } })).toBe("Sted: KL-huset");
    expect(auditSubject({ entityType: "Programme", entityId: "cmabcdefghijklmnop", before: { title: "KIU" }, after: null })).toBe("Uddannelse: KIU");
    expect(auditSubject({ entityType: "Enrolment", entityId: "cmabcdefghijklmnop", entityLabel: null, before: null, after: null })).toBe("Tilmelding: …ijklmnop");
  });
});
