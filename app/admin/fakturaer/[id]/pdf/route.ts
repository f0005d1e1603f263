import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { fileDownload, plainText } from "@/lib/exports/response";
import { invoiceFile } from "@/lib/invoicing/queries";

// GET /admin/fakturaer/<id>/pdf: the invoice or credit note as the PDF the buyer gets.
export const GET = guarded(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("invoice:read", "/admin/hold");
  const file = await invoiceFile((await ctx.params).id, "pdf");
  return file ? fileDownload(file) : plainText(404, "Fakturaen findes ikke.");
});
