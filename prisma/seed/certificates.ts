import type { PrismaClient } from "../../lib/generated/prisma/client";
import { newCertificateCode } from "../../lib/certificates/code";

/**
 * Gives every completed enrolment that has none its kursusbevis, as the app does when attendance
 * completes one. Marked as mailed: seeded people are not written to. Idempotent (one per enrolment).
 */
export async function seedCertificates(prisma: PrismaClient, where: { cohortId?: string } = {}): Promise<number> {
  const missing = await prisma.enrolment.findMany({ where: { ...where, status: "COMPLETED", certificate: null }, select: { id: true, completedAt: true } });
  for (const e of missing) {
    const at = e.completedAt ?? new Date();
    await prisma.certificate.upsert({ where: { enrolmentId: e.id }, update: {}, create: { enrolmentId: e.id, code: newCertificateCode(), issuedAt: at, mailedAt: at } });
  }
  return missing.length;
}
