// The layering rules of ../shared/conventions.md (habits 15 and 16), checked on the source itself:
// imports point down only (app → components → lib), and a status's Danish label is written once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, ROOT, sourceFiles } from "./helpers/source";

describe("imports point down only", () => {
  it("lib/ imports nothing from components/ or app/", () => {
    const upward = sourceFiles("lib").flatMap((f) => importsOf(f).filter((i) => /^@\/(components|app)\//.test(i)).map((i) => `${f} → ${i}`));
    expect(upward).toEqual([]);
  });

  it("app/ asks lib/ and never opens the database itself", () => {
    const direct = sourceFiles("app").flatMap((f) => importsOf(f).filter((i) => /^@\/lib\/(db|generated\/prisma)(\/|$)/.test(i) || i.startsWith("@prisma/")).map((i) => `${f} → ${i}`));
    expect(direct).toEqual([]);
  });

  it("components/ imports nothing from app/", () => {
    const upward = sourceFiles("components").flatMap((f) => importsOf(f).filter((i) => /^@\/app\//.test(i)).map((i) => `${f} → ${i}`));
    expect(upward).toEqual([]);
  });
});

describe("forms name their own schema", () => {
  it("the shared ActionForm holds no registry of schemas", () => {
    expect(importsOf("components/ui/action-form.tsx").filter((i) => /schemas$/.test(i))).toEqual([]);
  });

  it("each bound form is a client module of its own that imports one domain's schemas and nothing else of lib/", () => {
    const forms = ["components/admin/forms", "components/enrolment/forms", "components/workspace/forms", "components/invoicing/forms"].flatMap(sourceFiles);
    expect(forms.length).toBeGreaterThan(10);
    for (const f of forms) {
      const source = fs.readFileSync(path.join(ROOT, f), "utf8");
      expect(source.startsWith('"use client";'), f).toBe(true);
      const fromLib = importsOf(f).filter((i) => i.startsWith("@/lib/"));
      expect(fromLib.length, f).toBe(1);
      expect(fromLib[0], f).toMatch(/^@\/lib\/[a-z-]+\/schemas$/);
    }
  });
});

describe("one label per status", () => {
  it("each enrolment, cohort and programme status's Danish name is written in one place", () => {
    // One label of each enum that no other enum shares: a second map would repeat it.
    const labels = ['"Tilbudt plads"', '"Overdraget"', '"Lukket"', '"Arkiveret"'];
    const files = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")];
    for (const label of labels) {
      const where = files.filter((f) => fs.readFileSync(path.join(ROOT, f), "utf8").includes(label));
      expect(where.length, `${label} in ${where.join(", ")}`).toBe(1);
    }
  });
});

describe("one admin table", () => {
  it("every table is drawn by components/admin/data-table.tsx (caption, column headings, empty sentence, pager)", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) => /\.tsx$/.test(f) && !f.endsWith("components/admin/data-table.tsx"));
    const own = files.filter((f) => /<table[\s>]/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(own).toEqual([]);
  });
});
