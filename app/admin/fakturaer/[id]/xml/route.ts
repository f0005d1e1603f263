import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { fileDownload, plainText } from "@/lib/exports/response";
import { invoiceFile } from "@/lib/invoicing/queries";

// GET /admin/fakturaer/<id>/xml: the OIOUBL 2.1 e-invoice (buyers with an EAN/GLN only).
export const GET = guarded(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("invoice:read", "/admin/hold");
  const file = await invoiceFile((await ctx.params).id, "xml");
  return file ? fileDownload(file) : plainText(404, "Der er ingen e-faktura til denne køber (intet EAN-nummer).");
});
