import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "./data-table";

type Row = { id: string; name: string; n: number };
const columns: Column<Row>[] = [
  { header: "Navn", rowHeader: true, cell: (r) => r.name },
  { header: "Antal", cell: (r) => r.n },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { caption: "2 rækker", columns, rows: [], empty: "Ingen rækker.", ...props }));

describe("DataTable", () => {
  it("renders a table with its caption, column headings and row headers", () => {
    const html = render({ rows: [{ id: "a", name: "Aarhus", n: 3 }, { id: "b", name: "Odense", n: 0 }] });
    expect(html).toContain('<caption class="muted" style="text-align:left">2 rækker</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Navn</th><th scope="col">Antal</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">Aarhus</th><td>3</td></tr><tr><th scope="row">Odense</th><td>0</td></tr>');
    expect(html).not.toContain("Ingen rækker.");
  });

  it("says so in a sentence when there are no rows, and still offers the pager", () => {
    const html = render({ pager: { page: 3, pages: 2, href: (p) => `?side=${p}` } });
    expect(html).not.toContain("<table");
    expect(html).toContain("<p>Ingen rækker.</p>");
    expect(html).toContain('<a href="?side=2">← Forrige</a>');
  });

  it("names the page in the caption when there are several, and can hide the caption for sighted users", () => {
    const rows = [{ id: "a", name: "Aarhus", n: 3 }];
    expect(render({ rows, pager: { page: 2, pages: 4, href: (p) => `?side=${p}` } })).toContain(">2 rækker, side 2 af 4</caption>");
    expect(render({ rows, pager: { page: 1, pages: 1, href: (p) => `?side=${p}` } })).toContain(">2 rækker</caption>");
    expect(render({ rows, captionHidden: true })).toContain('<caption class="visually-hidden">2 rækker</caption>');
  });

  it("keys rows without an id by rowKey, and marks the table and its rows for the end-to-end tests", () => {
    type Group = { key: string; name: string };
    const html = renderToStaticMarkup(
      createElement(DataTable<Group>, {
        rows: [{ key: "g1", name: "Aarhus" }],
        rowKey: (g) => g.key,
        rowTestId: (g) => `group-${g.key}`,
        testId: "groups",
        columns: [{ header: "Navn", cell: (g) => g.name }],
      }),
    );
    expect(html).toContain('<table class="data" data-testid="groups"><thead>');
    expect(html).toContain('<tr data-testid="group-g1"><td>Aarhus</td></tr>');
    expect(renderToStaticMarkup(createElement(DataTable<Group>, { rows: [], rowKey: (g) => g.key, columns: [] }))).toBe("");
  });
});
