import "server-only";
import { toCsv, toXlsx, type Table } from "./format";

export type ExportFormat = "csv" | "xlsx";

export function isExportFormat(v: string): v is ExportFormat {
  return v === "csv" || v === "xlsx";
}

export function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** A file as a download, with an ASCII fallback name for old clients. */
export function fileDownload(file: { filename: string; contentType: string; body: Uint8Array }): Response {
  return new Response(new Uint8Array(file.body), { headers: { ...downloadHeaders(file.filename), "content-type": file.contentType } });
}

function downloadHeaders(filename: string) {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_");
  return {
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "cache-control": "no-store",
  };
}

/** A table as a CSV or XLSX download, named after its title (with an ASCII fallback name). */
export async function tableDownload(table: Table, format: ExportFormat): Promise<Response> {
  const filename = `${table.title.toLowerCase().replace(/[^a-z0-9æøå]+/g, "-")}.${format}`;
  const headers = downloadHeaders(filename);
  if (format === "csv") return new Response(toCsv(table), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  return new Response(new Uint8Array(await toXlsx(table)), {
    headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
