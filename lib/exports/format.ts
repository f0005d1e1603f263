import ExcelJS from "exceljs";

export type Cell = string | number | null;
export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
}

// Spreadsheet programs execute cells that start with these; prefixing a quote keeps them text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  const text = FORMULA_START.test(v) ? `'${v}` : v;
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
  for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === "string" && FORMULA_START.test(v) ? `'${v}` : v)));
  ws.columns.forEach((col, i) => {
    const longest = Math.max(t.headers[i]?.length ?? 10, ...t.rows.map((r) => String(r[i] ?? "").length));
    col.width = Math.min(60, Math.max(10, longest + 2));
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
