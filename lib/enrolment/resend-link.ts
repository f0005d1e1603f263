import "server-only";
import { audit } from "../audit";
import { db } from "../db";
import { txOptions } from "../db/bounded";
import { enqueueMail } from "../mail/outbox";
import { consumeRateLimit } from "../rate-limit";
import { hashToken, newToken } from "../tokens";
import { loadEnrolmentDetails } from "./details";
import { EnrolmentError } from "./errors";
import { resendLinkMail } from "./mails";
import { ACTIVE_STATUSES } from "./service";

/** Requests per address per hour, and per client address per hour. */
export const RESEND_LIMITS = { perEmail: 3, perIp: 20, windowMs: 60 * 60_000 } as const;

/** The one answer, whether or not the address is enrolled: nobody learns from it who is. */
export const RESEND_ANSWER =
  "Hvis e-mailadressen er tilmeldt holdet, har vi nu sendt et nyt link til den. Det kan tage et par minutter. Links i tidligere mails virker ikke længere.";

/**
 * "Send mit link igen": when the address has an active enrolment on the cohort, a fresh manage link
 * replaces the stored one (only its hash is kept, so the old link stops working) and is mailed to the
 * stored address, never shown. Rate limited per address and per client, counted before the lookup so
 * that the limits, too, answer alike for enrolled and unknown addresses.
 */
export async function resendManageLink(params: { cohortId: string; email: string; ip: string; now?: Date }): Promise<void> {
  const now = params.now ?? new Date();
  const byIp = await consumeRateLimit(`manage-link:ip:${params.ip}`, RESEND_LIMITS.perIp, RESEND_LIMITS.windowMs, now);
  const byEmail = await consumeRateLimit(`manage-link:email:${params.email}`, RESEND_LIMITS.perEmail, RESEND_LIMITS.windowMs, now);
  if (!byIp.allowed || !byEmail.allowed) {
    throw new EnrolmentError("RATE_LIMITED", "Du har bedt om et nyt link for mange gange. Prøv igen om en time.");
  }
  await db.$transaction(async (tx) => {
    const e = await tx.enrolment.findFirst({
      where: { cohortId: params.cohortId, person: { email: params.email }, status: { in: [...ACTIVE_STATUSES] } },
      select: { id: true },
    });
    if (!e) return;
    const token = newToken();
    await tx.enrolment.update({ where: { id: e.id }, data: { manageTokenHash: hashToken(token) } });
    await audit(tx, { actorLabel: "applicant", action: "enrolment.manage_link_resent", entityType: "Enrolment", entityId: e.id });
    await enqueueMail(tx, resendLinkMail(await loadEnrolmentDetails(tx, e.id), token, now));
  }, txOptions());
}
