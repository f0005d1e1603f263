import "server-only";
import type { Tx } from "../db";
import type { Enrolment } from "../generated/prisma/client";
import { hashToken, isTokenShaped, newToken } from "../tokens";

// A participant's personal links. Only hashes are stored, so a mail a job sends cannot repeat the
// link from the confirmation; it carries a further link (ManageLink) instead of replacing that one,
// and the link in every earlier mail keeps working. A further link works only beside the enrolment's
// own link it was made with: giving a new own link (or none) revokes all of them at once.

/** The enrolment behind a personal link (its own or a further one), or null. */
export async function enrolmentByManageToken(tx: Tx, token: unknown): Promise<Enrolment | null> {
  if (!isTokenShaped(token)) return null;
  const hash = hashToken(token);
  const own = await tx.enrolment.findUnique({ where: { manageTokenHash: hash } });
  if (own) return own;
  const link = await tx.manageLink.findUnique({ where: { tokenHash: hash }, include: { enrolment: true } });
  // baseHash is never null, so a revoked own link (null) fails the comparison too.
  return link && link.enrolment.manageTokenHash === link.baseHash ? link.enrolment : null;
}

/**
 * A personal link for a mail, beside the enrolment's own link; when the enrolment has none (it was
 * revoked or never given), this becomes its own link.
 */
export async function furtherManageLink(tx: Tx, enrolmentId: string): Promise<string> {
  const token = newToken();
  const { manageTokenHash } = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { manageTokenHash: true } });
  if (manageTokenHash) await tx.manageLink.create({ data: { enrolmentId, tokenHash: hashToken(token), baseHash: manageTokenHash } });
  else await tx.enrolment.update({ where: { id: enrolmentId }, data: { manageTokenHash: hashToken(token) } });
  return token;
}
