import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { fileDownload, plainText } from "@/lib/exports/response";
import { cohortXmlZip } from "@/lib/invoicing/queries";

// GET /admin/hold/<id>/fakturering/xml: every OIOUBL file of the cohort in one zip.
export const GET = guarded(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  await requirePermission("invoice:read", "/admin/hold");
  const { id } = await ctx.params;
  const zip = await cohortXmlZip(id);
  return zip ? fileDownload({ filename: "e-fakturaer.zip", contentType: "application/zip", body: zip }) : plainText(404, "Holdet har ingen e-fakturaer.");
});
