import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { toCsv, toXlsx } from "@/lib/exports/format";
import { buildList, LISTS, type ListName } from "@/lib/exports/lists";

// GET /admin/hold/<id>/eksport?liste=deltagere|forplejning|fakturering&format=csv|xlsx
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("export:read", "/admin/hold");
  const { id } = await ctx.params;
  const list = req.nextUrl.searchParams.get("liste") ?? "";
  const format = req.nextUrl.searchParams.get("format") ?? "csv";
  if (!(list in LISTS) || (format !== "csv" && format !== "xlsx")) {
    return new Response("Ukendt liste eller format.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const table = await buildList(id, list as ListName);
  if (!table) return new Response("Holdet findes ikke.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const filename = `${table.title.toLowerCase().replace(/[^a-z0-9æøå]+/g, "-")}.${format}`;
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_");
  const headers = {
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "cache-control": "no-store",
  };
  if (format === "csv") return new Response(toCsv(table), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  return new Response(new Uint8Array(await toXlsx(table)), {
    headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
