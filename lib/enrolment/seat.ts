import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";

// The seat decision. "Cohort"."seatsTaken" counts the enrolments that hold a seat; a database trigger
// on "Enrolment" keeps it (see the migration 20261130120000_cohort_seat_counter) and a CHECK keeps it
// within capacity, so no code path can oversell. Enrolment decides between a seat and the waitlist in
// one statement right before commit (insertTakingSeat); multi-step changes (cancel and offer on, move,
// capacity edit, substitution) lock the cohort's row first (lockCohort).

/** Statuses that hold a seat; PENDING is a seat offered to a waitlisted applicant who has not yet said yes. */
export const SEAT_STATUSES = ["CONFIRMED", "PENDING", "COMPLETED"] as const;

export type LockedCohort = {
  id: string;
  status: string;
  capacity: number;
  seatsTaken: number;
  enrolmentOpensAt: Date;
  enrolmentClosesAt: Date;
  hostOrganisationId: string | null;
};

/**
 * Locks the cohort's row for the rest of the transaction, for a change of several steps to who holds
 * its seats. FOR NO KEY UPDATE: it waits for (and holds off) other seat changes in the cohort, but not
 * inserts that merely reference the cohort. Enrolments in other cohorts do not wait.
 */
export async function lockCohort(tx: Tx, cohortId: string): Promise<LockedCohort | null> {
  const rows = await tx.$queryRaw<LockedCohort[]>`
    SELECT id, status::text AS status, capacity, "seatsTaken", "enrolmentOpensAt", "enrolmentClosesAt", "hostOrganisationId"
    FROM "Cohort" WHERE id = ${cohortId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

/** Seats held in a cohort, as the database's counter says (in a transaction, as of its last statement). */
/**
 * An enrolment read under its cohort's row lock, for any change to who holds a seat: found, its cohort
 * locked (with the other cohorts the change touches, all in id order, so two transactions never wait
 * on each other crosswise), then read again, since it may have changed while the lock was awaited.
 * Null when there is no such enrolment.
 */
export async function lockedEnrolment(tx: Tx, id: string, alsoLock: string[] = []) {
  const found = await tx.enrolment.findUnique({ where: { id }, select: { cohortId: true } });
  if (!found) return null;
  for (const cohortId of [...new Set([found.cohortId, ...alsoLock])].sort()) await lockCohort(tx, cohortId);
  return tx.enrolment.findUniqueOrThrow({ where: { id } });
}

export async function seatsTaken(tx: Tx, cohortId: string): Promise<number> {
  const c = await tx.cohort.findUnique({ where: { id: cohortId }, select: { seatsTaken: true } });
  return c?.seatsTaken ?? 0;
}

/** 1-based rank among those still waiting (positions come from a shared sequence and have gaps). */
export async function waitlistRank(tx: Tx, cohortId: string, position: number): Promise<number> {
  return tx.enrolment.count({ where: { cohortId, status: "WAITLISTED", waitlistPosition: { lte: position } } });
}

/** A new row id in the shape of Prisma's cuid(): "c", the time in base 36, 16 random base-36 characters. */
export function newId(): string {
  const random = [...randomBytes(16)].map((b) => (b % 36).toString(36)).join("");
  return `c${Date.now().toString(36)}${random}`;
}

/** An enrolment's columns except those the seat decision sets (status, waitlist place, confirmation time). */
export type EnrolmentColumns = Omit<Prisma.EnrolmentUncheckedCreateInput, "cohortId" | "status" | "waitlistPosition" | "confirmedAt" | "createdAt" | "updatedAt" | "id"> & { id: string };
export type EnrolmentRow = Prisma.EnrolmentGetPayload<object>;

/**
 * Inserts an enrolment and decides its seat in the same statement: CONFIRMED when the cohort has a free
 * seat, else WAITLISTED with the next waitlist number. The seat check locks the cohort's row only when
 * the row, as last committed, shows a free seat; then a concurrent taker is waited for and the check is
 * made again against its result (Read Committed re-checks a locked row), so two takers can never share
 * a seat. A cohort that is already full is not locked at all: the waitlist never queues. The trigger
 * counts the new seat in the same statement; the lock is held until commit, so commit soon after.
 */
export async function insertTakingSeat(tx: Tx, cohortId: string, columns: EnrolmentColumns, now: Date): Promise<EnrolmentRow> {
  const entries = Object.entries({ ...columns, cohortId, updatedAt: now }).filter(([, v]) => v !== undefined);
  const names = Prisma.join(entries.map(([k]) => Prisma.raw(`"${k}"`)));
  const values = Prisma.join(entries.map(([, v]) => v));
  const rows = await tx.$queryRaw<EnrolmentRow[]>`
    WITH seat AS MATERIALIZED (
      SELECT id FROM "Cohort" WHERE id = ${cohortId} AND "seatsTaken" < capacity FOR NO KEY UPDATE
    )
    INSERT INTO "Enrolment" (${names}, status, "waitlistPosition", "confirmedAt")
    VALUES (
      ${values},
      CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'CONFIRMED'::"EnrolmentStatus" ELSE 'WAITLISTED'::"EnrolmentStatus" END,
      CASE WHEN EXISTS (SELECT 1 FROM seat) THEN NULL ELSE nextval('"Enrolment_waitlist_seq"') END,
      CASE WHEN EXISTS (SELECT 1 FROM seat) THEN ${now}::timestamptz ELSE NULL END
    )
    RETURNING *`;
  return rows[0]!;
}

/** The next waitlist number, for code that puts an existing enrolment on a waitlist. */
export async function nextWaitlistPosition(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT nextval('"Enrolment_waitlist_seq"')::int AS n`;
  return row!.n;
}

/** True for a unique-index violation, however the driver reported it (ORM call or raw SQL). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") return true;
    const meta = err.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined;
    if (meta?.code === "23505") return true;
    const cause = meta?.driverAdapterError?.cause;
    if (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation") return true;
  }
  return /unique constraint|duplicate key value/i.test(err instanceof Error ? err.message : "");
}

/** Each waitlisted enrolment's place (1 = next in line) in a cohort, by waitlist number. */
export async function waitlistRanks(tx: Tx, cohortId: string): Promise<Map<number, number>> {
  const rows = await tx.$queryRaw<Array<{ position: number; rank: number }>>`
    SELECT "waitlistPosition" AS position, (row_number() OVER (ORDER BY "waitlistPosition"))::int AS rank
    FROM "Enrolment" WHERE "cohortId" = ${cohortId} AND status = 'WAITLISTED' AND "waitlistPosition" IS NOT NULL`;
  return new Map(rows.map((r) => [r.position, r.rank]));
}
