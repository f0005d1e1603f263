import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { getFormResults, resultsTable } from "@/lib/evaluations/results";
import { isExportFormat, plainText, tableDownload } from "@/lib/exports/response";

// GET /admin/evalueringer/<id>/eksport?format=csv|xlsx — every figure and every free-text answer.
export const GET = guarded(async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("evaluation:read", "/admin/hold");
  const { id } = await ctx.params;
  const format = req.nextUrl.searchParams.get("format") ?? "csv";
  if (!isExportFormat(format)) return plainText(400, "Ukendt format.");
  const results = await getFormResults(id, { textLimit: 1_000_000 });
  if (!results) return plainText(404, "Evalueringen findes ikke.");
  return tableDownload(resultsTable(results), format);
});
