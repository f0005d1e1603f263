import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// The pages read the configuration once (lib/env.ts caches it): each case loads them afresh.
async function render(page: "privatliv" | "tilgaengelighed", vars: Record<string, string> = {}) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const mod = page === "privatliv" ? await import("@/app/(public)/privatliv/page") : await import("@/app/(public)/tilgaengelighed/page");
  return renderToStaticMarkup(createElement(mod.default));
}

afterEach(() => vi.unstubAllEnvs());

describe("privacy notice", () => {
  it("names the data controller and the DPO, with the demo provider's details by default", async () => {
    const html = await render("privatliv");
    expect(html).toContain("<h2>Dataansvarlig</h2>");
    expect(html).toContain("KL – Kommunernes Landsforening er dataansvarlig");
    expect(html).toContain("Weidekampsgade 10, 2300 København S");
    expect(html).toContain('href="mailto:kl@kl.dk"');
    expect(html).toContain("<h2>Databeskyttelsesrådgiver</h2>");
    expect(html).toContain('href="mailto:dpo@kl.dk"');
  });

  it("takes them from the configuration", async () => {
    const html = await render("privatliv", {
      PRIVACY_CONTROLLER_NAME: "Region Prøve",
      PRIVACY_CONTROLLER_ADDRESS: "Prøvevej 1, 8000 Aarhus C",
      PRIVACY_CONTROLLER_CVR: "12345678",
      PRIVACY_CONTROLLER_EMAIL: "kontakt@region.example",
      PRIVACY_CONTROLLER_PHONE: "70 00 00 00",
      PRIVACY_DPO_EMAIL: "dpo@region.example",
    });
    for (const text of ["Region Prøve er dataansvarlig", "Prøvevej 1, 8000 Aarhus C", "CVR-nr. 12345678", "mailto:kontakt@region.example", "70 00 00 00", "mailto:dpo@region.example"]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("kl@kl.dk");
  });
});

describe("accessibility statement", () => {
  it("has the template's parts: status, exceptions, date and method, a way to report a problem, the complaint body", async () => {
    const html = await render("tilgaengelighed", { ACCESSIBILITY_CONTACT_EMAIL: "web@region.example" });
    expect(html).toContain("<h2>Overholdelsesstatus</h2>");
    expect(html).toMatch(/<strong>delvist overholder<\/strong> WCAG 2\.1 niveau AA/);
    expect(html).toContain("<h2>Indhold, der ikke er tilgængeligt</h2>");
    expect(html).toContain("Erklæringen blev udarbejdet den 30. november 2026");
    expect(html).toContain('href="mailto:web@region.example?subject=Tilg%C3%A6ngelighed"');
    expect(html).toContain('href="https://www.was.digst.dk"');
  });

  it("sends reports to the data controller when no own address is set", async () => {
    expect(await render("tilgaengelighed")).toContain('href="mailto:kl@kl.dk?subject=');
  });
});
