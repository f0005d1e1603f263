import "server-only";
import { audit } from "../audit";
import { cohortScope, type StaffUser } from "../auth/session";
import { db, type Tx } from "../db";
import { env } from "../env";
import { enqueueMail } from "../mail/outbox";
import { enrolmentByManageToken } from "../enrolment/links";
import { newCertificateCode, normaliseCertificateCode } from "./code";
import { certificateMail } from "./mail";
import { renderCertificatePdf, type CertificateContent } from "./pdf";

// Kursusbeviser: issued when an enrolment becomes completed (lib/attendance decides that), revoked
// when the completion is undone, never deleted. The PDF is rendered when it is needed (mail, download)
// from the enrolment as it is, so a corrected name or an anonymised person is never out of date.

export function verifyUrl(code: string): string {
  return new URL(`/kursusbevis/${code}`, env().APP_URL).toString();
}

/**
 * Issues the enrolment's kursusbevis, inside the transaction that completes it. Idempotent: a valid
 * certificate is left as it is; a revoked one is reinstated (same code) and mailed again.
 */
export async function issueCertificate(tx: Tx, enrolmentId: string, now: Date, actor: { actorUserId?: string | null; actorLabel?: string }) {
  const existing = await tx.certificate.findUnique({ where: { enrolmentId } });
  if (existing && !existing.revokedAt) return existing;
  const cert = existing
    ? await tx.certificate.update({ where: { id: existing.id }, data: { revokedAt: null, issuedAt: now, mailedAt: null } })
    : await tx.certificate.create({ data: { enrolmentId, code: newCertificateCode(), issuedAt: now } });
  await audit(tx, { ...actor, action: existing ? "certificate.reinstated" : "certificate.issued", entityType: "Enrolment", entityId: enrolmentId, after: { code: cert.code } });
  return cert;
}

/** Revokes the enrolment's kursusbevis (its completion was undone); its page then says it is revoked. */
export async function revokeCertificate(tx: Tx, enrolmentId: string, now: Date, actor: { actorUserId?: string | null; actorLabel?: string }) {
  const r = await tx.certificate.updateMany({ where: { enrolmentId, revokedAt: null }, data: { revokedAt: now } });
  if (r.count > 0) await audit(tx, { ...actor, action: "certificate.revoked", entityType: "Enrolment", entityId: enrolmentId });
}

/** Everything the PDF states, for a certificate that is valid; null otherwise. */
async function certificateContent(tx: Tx, where: { enrolmentId: string }): Promise<CertificateContent | null> {
  const cert = await tx.certificate.findUnique({
    where,
    include: {
      enrolment: {
        include: {
          person: true,
          organisation: true,
          cohort: { include: { programme: true, sessions: { include: { module: true, days: { orderBy: { startsAt: "asc" } } }, orderBy: { module: { position: "asc" } } } } },
        },
      },
    },
  });
  if (!cert || cert.revokedAt || cert.enrolment.status !== "COMPLETED") return null;
  const e = cert.enrolment;
  const p = e.cohort.programme;
  return {
    code: cert.code,
    verifyUrl: verifyUrl(cert.code),
    participantName: e.person.name,
    organisationName: e.organisation?.name ?? null,
    programmeTitle: p.title,
    providerName: p.providerName,
    partnerName: p.partnerName,
    completedAt: e.completedAt ?? cert.issuedAt,
    modules: e.cohort.sessions.map((s) => ({
      position: s.module.position,
      title: s.module.title,
      days: s.days.map((d) => d.startsAt),
      hours: s.days.reduce((n, d) => n + (d.endsAt.getTime() - d.startsAt.getTime()) / 3_600_000, 0),
    })),
  };
}

/** The PDF of an enrolment's valid kursusbevis, or null when it has none. Callers check who may see it. */
export async function certificatePdf(enrolmentId: string): Promise<{ pdf: Buffer; filename: string } | null> {
  const content = await certificateContent(db, { enrolmentId });
  if (!content) return null;
  return { pdf: await renderCertificatePdf(content), filename: `kursusbevis-${content.code}.pdf` };
}

export type CertificateCheck =
  | { state: "valid"; name: string; programme: string; completedAt: Date }
  | { state: "revoked"; name: string; programme: string; revokedAt: Date };

/**
 * What the public verification page may say about a code: name, programme and date, or that it is
 * revoked. Null for a code that is not ours (or an anonymised person's, whose name we no longer hold).
 */
export async function checkCertificate(code: unknown): Promise<CertificateCheck | null> {
  const normalised = normaliseCertificateCode(code);
  if (!normalised) return null;
  const cert = await db.certificate.findUnique({
    where: { code: normalised },
    select: { revokedAt: true, issuedAt: true, enrolment: { select: { completedAt: true, person: { select: { name: true, anonymisedAt: true } }, cohort: { select: { programme: { select: { title: true } } } } } } },
  });
  if (!cert || cert.enrolment.person.anonymisedAt) return null;
  const base = { name: cert.enrolment.person.name, programme: cert.enrolment.cohort.programme.title };
  if (cert.revokedAt) return { state: "revoked", ...base, revokedAt: cert.revokedAt };
  return { state: "valid", ...base, completedAt: cert.enrolment.completedAt ?? cert.issuedAt };
}

/**
 * Mails newly issued kursusbeviser (a jobs step): the PDF is rendered outside any transaction, then the
 * mail is written and the certificate marked mailed together. The dedupeKey names the issue, so a
 * step run twice, or by two instances at once, sends one mail.
 */
export async function sendDueCertificates(now = new Date(), batch = 20): Promise<number> {
  const due = await db.certificate.findMany({ where: { mailedAt: null, revokedAt: null }, orderBy: { issuedAt: "asc" }, take: batch, select: { id: true, enrolmentId: true, issuedAt: true } });
  let sent = 0;
  for (const c of due) {
    const content = await certificateContent(db, { enrolmentId: c.enrolmentId });
    const pdf = content ? await renderCertificatePdf(content) : null;
    await db.$transaction(async (tx) => {
      const claimed = await tx.certificate.updateMany({ where: { id: c.id, mailedAt: null, revokedAt: null, issuedAt: c.issuedAt }, data: { mailedAt: now } });
      if (claimed.count === 0 || !content || !pdf) return;
      const e = await tx.enrolment.findUniqueOrThrow({ where: { id: c.enrolmentId }, select: { person: { select: { email: true } } } });
      await enqueueMail(tx, certificateMail({ ...content, to: e.person.email, dedupeKey: `certificate:${c.id}:${c.issuedAt.toISOString()}`, pdf }));
      sent++;
    });
  }
  return sent;
}

/** The kursusbevis PDF for a staff user who may see the enrolment (teachers: their cohorts only). */
export async function staffCertificatePdf(user: StaffUser, enrolmentId: string) {
  const e = await db.enrolment.findFirst({ where: { id: enrolmentId, cohort: await cohortScope(user) }, select: { id: true } });
  return e ? certificatePdf(e.id) : null;
}

/** The kursusbevis PDF behind a participant's manage link; null for an unknown link or no valid certificate. */
export async function managedCertificatePdf(token: unknown) {
  const e = await enrolmentByManageToken(db, token);
  return e ? certificatePdf(e.id) : null;
}

/** Whether an enrolment has a valid kursusbevis to download (pages show the link only then). */
export async function hasValidCertificate(enrolmentId: string): Promise<boolean> {
  return (await db.certificate.count({ where: { enrolmentId, revokedAt: null, enrolment: { status: "COMPLETED" } } })) > 0;
}

/** A PDF download response. */
export function pdfResponse(file: { pdf: Buffer; filename: string }): Response {
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
