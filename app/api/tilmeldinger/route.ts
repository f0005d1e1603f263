import { NextResponse, after, type NextRequest } from "next/server";
import { submitEnrolment } from "@/lib/enrolment/submit";
import { guarded } from "@/lib/http/guarded-route";
import { clientIpFrom } from "@/lib/http/client-ip";
import { readBodyLimited } from "@/lib/http/limits";
import { kickJobs } from "@/lib/jobs";

// JSON endpoint for enrolment (integrations, load tests): the same path as the form's server action.
// Body: { cohortId, ...the enrolment form's fields }. Answers 201 created, 200 already enrolled,
// 404/409 cohort not open, 415 not JSON, 422 invalid input with Danish field errors, 429 rate limited,
// 503 database busy or unreachable ("prøv igen om lidt"; nothing stored).
export const POST = guarded(async function POST(req: NextRequest) {
  // Only JSON: a cross-site HTML form can post text/plain or form data without a CORS preflight, but
  // not application/json, so this also keeps other sites from enrolling people through a visitor.
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    return NextResponse.json({ ok: false, message: "Forespørgslen skal sendes som application/json." }, { status: 415 });
  }
  const text = await readBodyLimited(req, 32_768);
  if (text === null) return NextResponse.json({ ok: false, message: "Forespørgslen er for stor." }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NextResponse.json({ ok: false, message: "Forespørgslen skal være gyldig JSON." }, { status: 400 });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return NextResponse.json({ ok: false, message: "Forespørgslen skal være et JSON-objekt." }, { status: 400 });
  }
  const ip = clientIpFrom(req.headers);
  const { cohortId, ...fields } = body as Record<string, unknown>;
  const { status, ...result } = await submitEnrolment(cohortId, fields, ip);
  if (result.ok) after(kickJobs);
  const payload = result.ok
    ? { ok: true, data: { enrolmentId: result.data.enrolmentId, status: result.data.status, waitlistPosition: result.data.waitlistPosition, duplicate: result.data.duplicate } }
    : result;
  // 503: nothing was stored and the same request may be sent again shortly.
  return NextResponse.json(payload, { status, headers: status === 503 ? { "retry-after": "5" } : undefined });
});
