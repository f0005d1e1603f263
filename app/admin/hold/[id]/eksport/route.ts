import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { isExportFormat, plainText, tableDownload } from "@/lib/exports/response";
import { buildList, LISTS, listsFor } from "@/lib/exports/lists";
import { ownKey } from "@/lib/own-key";

// GET /admin/hold/<id>/eksport?liste=deltagere|forplejning|fakturering&format=csv|xlsx
export const GET = guarded(async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("export:read", "/admin/hold");
  const { id } = await ctx.params;
  const list = ownKey(LISTS, req.nextUrl.searchParams.get("liste"));
  const format = req.nextUrl.searchParams.get("format") ?? "csv";
  if (!list || !isExportFormat(format)) return plainText(400, "Ukendt liste eller format.");
  if (!listsFor(user.role).includes(list)) return plainText(403, "Du har ikke adgang til fakturalisten.");
  const table = await buildList(id, list, user.role);
  if (!table) return plainText(404, "Holdet findes ikke.");
  return tableDownload(table, format);
});
