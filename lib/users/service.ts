import "server-only";
import { FormError } from "../errors";
import { audit } from "../audit";
import { accountFailureKey } from "../auth/lockout";
import { hashPassword } from "../auth/passwords";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { UserCreateInput, UserUpdateInput } from "./schemas";

export { FormError as UserError };

export async function createUser(input: UserCreateInput, actorUserId: string) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const u = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
      await audit(tx, { actorUserId, action: "user.created", entityType: "User", entityId: u.id, after: { email: u.email, name: u.name, role: u.role } });
      return u;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new FormError("Ret de markerede felter.", { email: "Der findes allerede en bruger med denne e-mail" });
    throw err;
  }
}

/**
 * Changes a user's name, role, access and (optionally) password, and which cohorts a teacher teaches.
 * Nobody can take away their own admin rights or access, so an installation never loses its last way in.
 */
export async function updateUser(userId: string, input: UserUpdateInput, cohortIds: string[], actorUserId: string, now = new Date()) {
  if (userId === actorUserId && (input.role !== "ADMIN" || !input.active)) {
    throw new FormError("Du kan ikke fjerne dine egne administratorrettigheder eller din egen adgang.");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, include: { cohorts: true } });
    if (!before) throw new FormError("Brugeren findes ikke.");
    // A new password, another role or lost access ends the sessions signed in before the change.
    const endSessions = !!passwordHash || input.role !== before.role || (!input.active && !before.disabledAt);
    await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        role: input.role,
        disabledAt: input.active ? null : (before.disabledAt ?? now),
        ...(passwordHash ? { passwordHash } : {}),
        ...(endSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    // A new password also lifts a lockout.
    if (passwordHash) await tx.rateLimitBucket.deleteMany({ where: { key: accountFailureKey(before.email) } });
    const wanted = input.role === "TEACHER" ? [...new Set(cohortIds)] : [];
    await tx.cohortTeacher.deleteMany({ where: { userId, cohortId: { notIn: wanted } } });
    for (const cohortId of wanted) {
      await tx.cohortTeacher.upsert({ where: { cohortId_userId: { cohortId, userId } }, update: {}, create: { cohortId, userId } });
    }
    await audit(tx, {
      actorUserId,
      action: "user.updated",
      entityType: "User",
      entityId: userId,
      before: { name: before.name, role: before.role, active: !before.disabledAt, cohorts: before.cohorts.map((c) => c.cohortId) },
      after: { name: input.name, role: input.role, active: input.active, cohorts: wanted, passwordChanged: !!passwordHash },
    });
  });
}
