import ExcelJS from "exceljs";

/** An amount of money in øre: written with two decimals (CSV) or as kroner with a number format (XLSX). */
export type Money = { ore: number };
export type Cell = string | number | null | Money;

export const money = (ore: number): Money => ({ ore });
const isMoney = (v: Cell): v is Money => typeof v === "object" && v !== null;
export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
}

// A spreadsheet opening a CSV runs a cell as a formula when it starts with "=", "@", a tab or a CR,
// or with "+"/"-" followed by anything but a number; a quote in front keeps such a cell text. A phone
// number ("+4512345678", "+45 12 34 56 78") or a negative amount is a number to it, and stays as it is.
const FORMULA_START = /^[=@\t\r]/;
const SIGNED_NUMBER = /^[+-]\d[\d .,()/-]*$/;

/** Whether a spreadsheet would run this text as a formula when it opens a CSV. */
export function runsAsFormula(text: string): boolean {
  return FORMULA_START.test(text) || (/^[+-]/.test(text) && !SIGNED_NUMBER.test(text));
}

function csvCell(v: Cell): string {
  if (v === null) return "";
  if (isMoney(v)) return (v.ore / 100).toFixed(2).replace(".", ",");
  if (typeof v === "number") return String(v).replace(".", ",");
  const text = runsAsFormula(v) ? `'${v}` : v;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Danish Excel opens it: semicolons, decimal commas, CRLF, and a BOM so UTF-8 is recognised. */
export function toCsv(t: Table): string {
  const lines = [t.headers, ...t.rows].map((r) => r.map(csvCell).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** An .xlsx workbook with one sheet, a bold header row and sensible column widths. */
export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Stillads";
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/*?:[\]]/g, " "));
  ws.addRow(t.headers).font = { bold: true };
  for (const r of t.rows) {
    // ExcelJS writes a string as a text cell, never a formula, so it needs no guard (one would show).
    const row = ws.addRow(r.map((v) => (isMoney(v) ? v.ore / 100 : v)));
    r.forEach((v, i) => {
      if (isMoney(v)) row.getCell(i + 1).numFmt = "#,##0.00";
    });
  }
  ws.columns.forEach((col, i) => {
    const longest = Math.max(t.headers[i]?.length ?? 10, ...t.rows.map((r) => csvCell(r[i] ?? null).length));
    col.width = Math.min(60, Math.max(10, longest + 2));
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
