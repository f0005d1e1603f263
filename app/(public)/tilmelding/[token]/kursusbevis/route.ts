import { noCertificateResponse } from "@/lib/certificates/responses";
import { managedCertificatePdf, pdfResponse } from "@/lib/certificates/service";
import { clientIp } from "@/lib/http/client-ip";
import { guarded } from "@/lib/http/guarded-route";
import { consumeRateLimit } from "@/lib/rate-limit";

// GET /tilmelding/<token>/kursusbevis: the participant's own kursusbevis, behind their manage link.
export const GET = guarded(async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const limit = await consumeRateLimit(`manage:ip:${await clientIp()}`, 60, 10 * 60_000);
  if (!limit.allowed) return new Response("For mange forsøg på kort tid. Prøv igen om lidt.", { status: 429, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": String(limit.retryAfterSeconds) } });
  const { token } = await ctx.params;
  const file = await managedCertificatePdf(token);
  return file ? pdfResponse(file) : noCertificateResponse();
});
