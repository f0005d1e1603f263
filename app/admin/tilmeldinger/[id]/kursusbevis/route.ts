import { requirePermission } from "@/lib/auth/session";
import { noCertificateResponse } from "@/lib/certificates/responses";
import { pdfResponse, staffCertificatePdf } from "@/lib/certificates/service";
import { guarded } from "@/lib/http/guarded-route";

// GET /admin/tilmeldinger/<id>/kursusbevis: the enrolment's kursusbevis as a PDF, for the office
// (administrators and coordinators: the ones who hand out documents about an enrolment).
export const GET = guarded(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("enrolment:update", "/admin");
  const { id } = await ctx.params;
  const file = await staffCertificatePdf(user, id);
  return file ? pdfResponse(file) : noCertificateResponse();
});
