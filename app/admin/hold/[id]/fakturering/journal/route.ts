import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { isExportFormat, plainText, tableDownload } from "@/lib/exports/response";
import { invoiceJournal } from "@/lib/invoicing/queries";

// GET /admin/hold/<id>/fakturering/journal?format=csv|xlsx: the cohort's invoice journal.
export const GET = guarded(async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("invoice:read", "/admin/hold");
  const { id } = await ctx.params;
  const format = req.nextUrl.searchParams.get("format") ?? "csv";
  if (!isExportFormat(format)) return plainText(400, "Ukendt format.");
  const table = await invoiceJournal(id);
  return table ? tableDownload(table, format) : plainText(404, "Holdet findes ikke.");
});
