import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { errorList } from "@/lib/forms";
import { CohortStatusForm } from "@/components/admin/forms/cohort-status-form";
import { ActionForm } from "./action-form";
import { ErrorSummary, SuccessNotice } from "./form-notice";

describe("errorList", () => {
  it("flattens react-hook-form's nested errors into paths, an array's own error at the array", () => {
    const ref = { focus: () => {} };
    const errors = {
      name: { type: "too_small", message: "Skriv holdets navn", ref },
      sessions: Object.assign([, { days: [{ date: { type: "invalid_format", message: "Vælg dato", ref } }] }], {
        root: { type: "custom", message: "Hvert modul kan kun optræde én gang på et hold" },
      }),
    };
    expect(errorList(errors)).toEqual([
      { path: "name", message: "Skriv holdets navn" },
      { path: "sessions.1.days.0.date", message: "Vælg dato" },
      { path: "sessions", message: "Hvert modul kan kun optræde én gang på et hold" },
    ]);
  });
});

describe("ErrorSummary", () => {
  it("lists what the browser found, linked to the fields, as an alert", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, { state: null, problems: [{ id: "name", label: "Navn" }, { label: "Hvert modul kan kun optræde én gang på et hold" }] }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("Ret de markerede felter:");
    expect(html).toContain('<a href="#name">Navn</a>');
    expect(html).toContain("<li>Hvert modul kan kun optræde én gang på et hold</li>");
  });

  it("shows the server's answer the same way", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, {
        state: { ok: false, message: "Ret de markerede felter.", fieldErrors: { capacity: "Der er allerede 12 optagne pladser" } },
        fieldOf: (name: string) => ({ id: `f-${name}`, label: "Antal pladser" }),
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("Ret de markerede felter.");
    expect(html).toContain('<a href="#f-capacity">Antal pladser</a>');
  });

  it("shows nothing after a success, and the success as a status", () => {
    const ok = { ok: true as const, data: null, message: "Holdet er gemt." };
    expect(renderToStaticMarkup(createElement(ErrorSummary, { state: ok }))).toBe("");
    expect(renderToStaticMarkup(createElement(SuccessNotice, { state: ok }))).toBe('<div class="notice" role="status"><p>Holdet er gemt.</p></div>');
  });
});

describe("ActionForm", () => {
  it("marks a required select as required, not optional", () => {
    const html = renderToStaticMarkup(
      createElement(CohortStatusForm, {
        action: async () => null,
        fields: [{ name: "status", label: "Holdets status", type: "select", required: true, options: [{ value: "DRAFT", label: "Kladde" }] }],
        submitLabel: "Gem status",
        pendingLabel: "Gemmer…",
      }),
    );
    expect(html).not.toContain("valgfrit");
    expect(html).toContain('id="cohortStatus-status"'); // the form's name is its fields' id prefix
    expect(html).toMatch(/Holdets status<span aria-hidden="true"> \*<\/span>/);
  });

  it("puts a form in a disclosure when asked", () => {
    const html = renderToStaticMarkup(
      createElement(ActionForm, { action: async () => null, details: "Ret modulet", fields: [], submitLabel: "Gem", pendingLabel: "Gemmer…" }),
    );
    expect(html).toMatch(/^<details class="action"><summary>Ret modulet<\/summary><form/);
  });
});
