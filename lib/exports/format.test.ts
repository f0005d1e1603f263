import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { money, toCsv, toXlsx, type Table } from "./format";

const table: Table = {
  title: "Fakturering Efterår 2027",
  headers: ["Navn", "Note", "Pris", "Antal"],
  rows: [
    ["Mette Hansen", 'Siger "hej"; ny linje\nher', money(1_295_050), 2.5],
    ["=HYPERLINK(\"http://x\")", "+45 1234", money(323_750), null],
    ["+4512345678", "-2", "@SUM(A1)", "+cmd|' /C calc'!A0"],
    ["-1+HYPERLINK(\"http://x\")", "\tx", "+45 12 34 56 78", "-"],
  ],
};

describe("exports", () => {
  it("write CSV for Danish Excel: BOM, semicolons, quoting, decimal commas, no formulas, phone numbers kept", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFFNavn;Note;Pris;Antal\r\n")).toBe(true);
    // Money always with two decimals, other numbers as they are.
    expect(csv).toContain('Mette Hansen;"Siger ""hej""; ny linje\nher";12950,50;2,5\r\n');
    // Phone numbers and negative numbers stay as written; what a spreadsheet would run gets a quote.
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";+45 1234;3237,50;\r\n`);
    expect(csv).toContain(`+4512345678;-2;'@SUM(A1);'+cmd|' /C calc'!A0\r\n`);
    expect(csv).toContain(`"'-1+HYPERLINK(""http://x"")";'\tx;+45 12 34 56 78;'-\r\n`);
  });

  it("write an XLSX workbook that reads back the same, every string a text cell as written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Fakturering Efterår 2027");
    expect(ws.getRow(1).values).toEqual([undefined, "Navn", "Note", "Pris", "Antal"]);
    expect(ws.getRow(2).getCell(3).value).toBe(12950.5);
    expect(ws.getRow(2).getCell(3).numFmt).toBe("#,##0.00");
    expect(ws.getRow(2).getCell(4).numFmt).toBeUndefined();
    // Strings are text cells, never formulas: written exactly as they are, with no quote in front.
    expect(ws.getRow(3).getCell(1).value).toBe("=HYPERLINK(\"http://x\")");
    expect(ws.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(3).getCell(2).value).toBe("+45 1234");
    expect(ws.getRow(4).values).toEqual([undefined, "+4512345678", "-2", "@SUM(A1)", "+cmd|' /C calc'!A0"]);
    for (let c = 1; c <= 4; c++) expect(ws.getRow(4).getCell(c).type).toBe(ExcelJS.ValueType.String);
  });
});
