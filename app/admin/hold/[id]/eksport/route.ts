import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { isExportFormat, plainText, tableDownload } from "@/lib/exports/response";
import { buildList, LISTS, type ListName } from "@/lib/exports/lists";

// GET /admin/hold/<id>/eksport?liste=deltagere|forplejning|fakturering&format=csv|xlsx
export const GET = guarded(async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("export:read", "/admin/hold");
  const { id } = await ctx.params;
  const list = req.nextUrl.searchParams.get("liste") ?? "";
  const format = req.nextUrl.searchParams.get("format") ?? "csv";
  if (!(list in LISTS) || !isExportFormat(format)) return plainText(400, "Ukendt liste eller format.");
  const table = await buildList(id, list as ListName);
  if (!table) return plainText(404, "Holdet findes ikke.");
  return tableDownload(table, format);
});
