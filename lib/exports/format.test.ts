import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { money, toCsv, toXlsx, type Table } from "./format";

const table: Table = {
  title: "Fakturering Efterår 2027",
  headers: ["Navn", "Note", "Pris", "Antal"],
  rows: [
    ["Mette Hansen", 'Siger "hej"; ny linje\nher', money(1_295_050), 2.5],
    ["=HYPERLINK(\"http://x\")", "+45 1234", money(323_750), null],
  ],
};

describe("exports", () => {
  it("write CSV for Danish Excel: BOM, semicolons, quoting, decimal commas, no formulas", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFFNavn;Note;Pris;Antal\r\n")).toBe(true);
    // Money always with two decimals, other numbers as they are.
    expect(csv).toContain('Mette Hansen;"Siger ""hej""; ny linje\nher";12950,50;2,5\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";'+45 1234;3237,50;\r\n`);
  });

  it("write an XLSX workbook that reads back the same, with formulas neutralised", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Fakturering Efterår 2027");
    expect(ws.getRow(1).values).toEqual([undefined, "Navn", "Note", "Pris", "Antal"]);
    expect(ws.getRow(2).getCell(3).value).toBe(12950.5);
    expect(ws.getRow(2).getCell(3).numFmt).toBe("#,##0.00");
    expect(ws.getRow(2).getCell(4).numFmt).toBeUndefined();
    expect(ws.getRow(3).getCell(1).value).toBe("'=HYPERLINK(\"http://x\")");
  });
});
