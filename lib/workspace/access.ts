import "server-only";
import type { Tx } from "../db";
import { FormError } from "../errors";
import { hashToken, isTokenShaped, newToken } from "../tokens";
import { enrolmentByManageToken } from "../enrolment/links";

// Who may open a workspace: the holder of a confirmed (or completed) seat, by their manage link or by a
// workspace link minted for a mail. The token is the only credential; every read and action checks it.

const SEAT_HOLDER = ["CONFIRMED", "COMPLETED"] as const;

export const NO_ACCESS = "Linket giver ikke adgang til et implementeringsstillads. Brug linket i den seneste mail, du har fået fra os.";

/** The enrolment behind a participant's link, when it holds a seat; null otherwise. */
export async function seatHolderByToken(tx: Tx, token: unknown) {
  if (!isTokenShaped(token)) return null;
  const e =
    (await enrolmentByManageToken(tx, token)) ??
    (await tx.workspaceLink.findUnique({ where: { tokenHash: hashToken(token) }, include: { enrolment: true } }))?.enrolment ??
    null;
  if (!e || !(SEAT_HOLDER as readonly string[]).includes(e.status)) return null;
  return e;
}

export async function requireSeatHolder(tx: Tx, token: unknown) {
  const e = await seatHolderByToken(tx, token);
  if (!e) throw new FormError(NO_ACCESS);
  return e;
}

/**
 * A workspace link for a mail a job sends (the job does not know the manage-link token): one per
 * enrolment and purpose, so a job that runs twice mints one. Null when one was minted before.
 */
export async function mintWorkspaceLink(tx: Tx, enrolmentId: string, purpose: string): Promise<string | null> {
  const token = newToken();
  const rows = await tx.$executeRaw`
    INSERT INTO "WorkspaceLink" ("id", "enrolmentId", "purpose", "tokenHash", "updatedAt")
    VALUES (${`wl_${newToken().slice(0, 24)}`}, ${enrolmentId}, ${purpose}, ${hashToken(token)}, now())
    ON CONFLICT ("enrolmentId", "purpose") DO NOTHING`;
  return rows === 1 ? token : null;
}
