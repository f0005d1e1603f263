import "server-only";
import { FormError } from "../errors";
import { audit } from "../audit";
import { mailSessionChanged } from "../reminders/service";
import { txOptions } from "../db/bounded";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { kronerToOre } from "../money";
import { copenhagenTime, formatDate } from "../time";
import { lockCohort } from "../enrolment/seat";
import { firstDayOf } from "../enrolment/details";
import { startOfDay } from "../enrolment/service";
import { promoteFromWaitlist } from "../enrolment/waitlist";
import type { CohortCreateInput, CohortUpdateInput, SessionUpdateInput } from "./schemas";

export { FormError as CohortError };

/** The room-size rule for every booking and every change of seats: a room must hold the whole cohort. */
export function roomTooSmall(room: { capacity: number; name: string }, capacity: number, options: { named?: boolean } = {}): string | null {
  if (room.capacity >= capacity) return null;
  return `Lokalet${options.named ? ` ${room.name}` : ""} har kun plads til ${room.capacity}; holdet har ${capacity} pladser`;
}

/** A coordinator's warning (the save still happens) when the deadline lies on or after the first course day. */
export function deadlineWarning(closesAt: Date, firstDay: Date | null): string | null {
  if (!firstDay || closesAt < startOfDay(firstDay)) return null;
  return `Bemærk: Tilmeldingsfristen ligger efter holdets første kursusdag (${formatDate(firstDay)}). Tilmeldingen lukker alligevel, når holdet går i gang.`;
}

/**
 * Creates a cohort (as a draft) with one session per chosen module, its days, venue and room. Rooms
 * are locked while checking, so two coordinators cannot book one room for overlapping days.
 */
export async function createCohort(input: CohortCreateInput, actorUserId: string) {
  try {
    return await db.$transaction(async (tx) => {
      const programme = await tx.programme.findUnique({ where: { id: input.programmeId }, include: { modules: true } });
      if (!programme) throw new FormError("Uddannelsen findes ikke.", { programmeId: "Vælg en uddannelse" });
      const errors: Record<string, string> = {};
      const roomIds = [...new Set(input.sessions.map((s) => s.roomId).filter(Boolean))];
      if (roomIds.length) await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ANY(${roomIds}::text[]) FOR UPDATE`;

      const sessions = [];
      for (const [si, s] of input.sessions.entries()) {
        const mod = programme.modules.find((m) => m.id === s.moduleId);
        if (!mod) errors[`sessions.${si}.moduleId`] = "Modulet hører ikke til uddannelsen";
        const venue = s.venueId ? await tx.venue.findUnique({ where: { id: s.venueId }, include: { rooms: true } }) : null;
        if (s.venueId && !venue) errors[`sessions.${si}.venueId`] = "Stedet findes ikke";
        const room = s.roomId ? venue?.rooms.find((r) => r.id === s.roomId) : undefined;
        if (s.roomId && !room) errors[`sessions.${si}.roomId`] = "Lokalet hører ikke til det valgte sted";
        const tooSmall = room ? roomTooSmall(room, input.capacity) : null;
        if (tooSmall) errors[`sessions.${si}.roomId`] = tooSmall;
        const days = s.days.map((d) => ({ startsAt: copenhagenTime(d.date, d.start), endsAt: copenhagenTime(d.date, d.end) }));
        if (room) {
          for (const [di, d] of days.entries()) {
            const clash = await tx.sessionDay.findFirst({
              where: { session: { roomId: room.id }, startsAt: { lt: d.endsAt }, endsAt: { gt: d.startsAt } },
              include: { session: { include: { cohort: true } } },
            });
            if (clash) errors[`sessions.${si}.days.${di}.date`] = `Lokalet er optaget af holdet ${clash.session.cohort.name} den dag`;
          }
        }
        sessions.push({ moduleId: s.moduleId, venueId: venue?.id ?? null, roomId: room?.id ?? null, days });
      }
      if (Object.keys(errors).length) throw new FormError("Ret de markerede felter.", errors);

      const cohort = await tx.cohort.create({
        data: {
          programmeId: programme.id,
          name: input.name,
          slug: input.slug,
          status: "DRAFT",
          capacity: input.capacity,
          enrolmentOpensAt: copenhagenTime(input.enrolmentOpens, "00:00"),
          enrolmentClosesAt: copenhagenTime(input.enrolmentCloses, "23:59"),
          priceOverrideOre: input.priceOverrideKr ? kronerToOre(input.priceOverrideKr) : null,
          sessions: {
            create: sessions.map((s) => ({ moduleId: s.moduleId, venueId: s.venueId, roomId: s.roomId, days: { create: s.days } })),
          },
        },
      });
      await audit(tx, {
        actorUserId,
        action: "cohort.created",
        entityType: "Cohort",
        entityId: cohort.id,
        after: { name: cohort.name, slug: cohort.slug, capacity: cohort.capacity, sessions: sessions.length },
      });
      return cohort;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new FormError("Ret de markerede felter.", { slug: "Uddannelsen har allerede et hold med denne adresse" });
    }
    throw err;
  }
}

/** Publishes, closes, completes or returns a cohort to draft. Publishing needs at least one course day. */
export async function setCohortStatus(cohortId: string, status: "DRAFT" | "PUBLISHED" | "CLOSED" | "COMPLETED", actorUserId: string) {
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, include: { sessions: { include: { days: true } } } });
    if (!cohort) throw new FormError("Holdet findes ikke.");
    if (status === "PUBLISHED" && cohort.sessions.every((s) => s.days.length === 0)) {
      throw new FormError("Holdet kan ikke offentliggøres uden kursusdage.");
    }
    if (cohort.status === status) return cohort;
    const updated = await tx.cohort.update({ where: { id: cohortId }, data: { status } });
    await audit(tx, { actorUserId, action: "cohort.status_changed", entityType: "Cohort", entityId: cohortId, before: { status: cohort.status }, after: { status } });
    return updated;
  });
}

/** Cohorts with their seat figures, for the admin list and dashboard. */
export async function listCohortsWithSeats(where: Prisma.CohortWhereInput = {}, page?: { skip: number; take: number }) {
  const cohorts = await db.cohort.findMany({
    where,
    ...(page ?? {}),
    include: { programme: { select: { title: true, slug: true } }, sessions: { include: { days: { orderBy: { startsAt: "asc" }, take: 1 } } } },
    orderBy: [{ enrolmentOpensAt: "desc" }],
  });
  const counts = await db.enrolment.groupBy({ by: ["cohortId", "status"], where: { cohortId: { in: cohorts.map((c) => c.id) } }, _count: { _all: true } });
  const count = (cohortId: string, statuses: string[]) =>
    counts.filter((c) => c.cohortId === cohortId && statuses.includes(c.status)).reduce((n, c) => n + c._count._all, 0);
  return cohorts.map((c) => {
    const taken = count(c.id, ["CONFIRMED", "PENDING", "COMPLETED"]);
    const firstDay = c.sessions.flatMap((s) => s.days).reduce<Date | null>((m, d) => (!m || d.startsAt < m ? d.startsAt : m), null);
    return { ...c, taken, free: Math.max(0, c.capacity - taken), waitlist: count(c.id, ["WAITLISTED"]), firstDay };
  });
}

/**
 * Changes a cohort's name, seats, window or price. Fewer seats than are taken is refused, and so are
 * more seats than a booked room holds; more seats are offered to the waitlist at once, in the same
 * transaction, under the cohort lock. A deadline after the first course day is saved with a warning.
 */
export async function updateCohort(cohortId: string, input: CohortUpdateInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const locked = await lockCohort(tx, cohortId);
    if (!locked) throw new FormError("Holdet findes ikke.");
    const before = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, include: { sessions: { include: { room: true, module: true, days: true } } } });
    if (input.capacity < locked.seatsTaken) {
      throw new FormError("Ret de markerede felter.", { capacity: `Der er allerede ${locked.seatsTaken} optagne pladser; antallet kan ikke være lavere` });
    }
    const cramped = before.sessions
      .filter((s) => s.room)
      .map((s) => ({ s, message: roomTooSmall(s.room!, input.capacity, { named: true }) }))
      .find((x) => x.message);
    if (cramped) {
      throw new FormError("Ret de markerede felter.", { capacity: `${cramped.message} (modul ${cramped.s.module.position}). Vælg et større lokale til modulet først` });
    }
    const data = {
      name: input.name,
      capacity: input.capacity,
      enrolmentOpensAt: copenhagenTime(input.enrolmentOpens, "00:00"),
      enrolmentClosesAt: copenhagenTime(input.enrolmentCloses, "23:59"),
      priceOverrideOre: input.priceOverrideKr ? kronerToOre(input.priceOverrideKr) : null,
    };
    await tx.cohort.update({ where: { id: cohortId }, data });
    await audit(tx, {
      actorUserId,
      action: "cohort.updated",
      entityType: "Cohort",
      entityId: cohortId,
      before: { name: before.name, capacity: before.capacity, enrolmentOpensAt: before.enrolmentOpensAt.toISOString(), enrolmentClosesAt: before.enrolmentClosesAt.toISOString(), priceOverrideOre: before.priceOverrideOre },
      after: { ...data, enrolmentOpensAt: data.enrolmentOpensAt.toISOString(), enrolmentClosesAt: data.enrolmentClosesAt.toISOString() },
    });
    const promoted = input.capacity > before.capacity ? await promoteFromWaitlist(tx, { cohortId, actorUserId }) : [];
    const warning = deadlineWarning(data.enrolmentClosesAt, firstDayOf(before));
    return { promoted, warnings: warning ? [warning] : [] };
  }, txOptions());
}

/**
 * Moves a session's days or changes its venue and room. Days are updated in place (attendance
 * recorded on them stays), with the same checks as creation: room size, the room's other bookings,
 * and no overlap with the cohort's other days.
 */
export async function updateSession(sessionId: string, input: SessionUpdateInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { cohort: true, days: true } });
    if (!session) throw new FormError("Modulet findes ikke på holdet.");
    const errors: Record<string, string> = {};
    const venue = input.venueId ? await tx.venue.findUnique({ where: { id: input.venueId }, include: { rooms: true } }) : null;
    if (input.venueId && !venue) errors.venueId = "Stedet findes ikke";
    const room = input.roomId ? venue?.rooms.find((r) => r.id === input.roomId) : undefined;
    if (input.roomId && !room) errors.roomId = "Lokalet hører ikke til det valgte sted";
    if (room) await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${room.id} FOR UPDATE`;
    const tooSmall = room ? roomTooSmall(room, session.cohort.capacity) : null;
    if (tooSmall) errors.roomId = tooSmall;
    const days = input.days.map((d) => ({ id: d.id, startsAt: copenhagenTime(d.date, d.start), endsAt: copenhagenTime(d.date, d.end) }));
    const own = new Set(session.days.map((d) => d.id));
    for (const [i, d] of days.entries()) {
      if (!own.has(d.id)) errors[`days.${i}.date`] = "Dagen hører ikke til modulet";
      const overlapOnCohort = await tx.sessionDay.findFirst({
        where: { session: { cohortId: session.cohortId }, id: { notIn: days.map((x) => x.id) }, startsAt: { lt: d.endsAt }, endsAt: { gt: d.startsAt } },
      });
      if (overlapOnCohort) errors[`days.${i}.date`] = "Dagen overlapper en anden dag på holdet";
      if (room) {
        const clash = await tx.sessionDay.findFirst({
          where: { session: { roomId: room.id, id: { not: sessionId } }, startsAt: { lt: d.endsAt }, endsAt: { gt: d.startsAt } },
          include: { session: { include: { cohort: true } } },
        });
        if (clash) errors[`days.${i}.date`] = `Lokalet er optaget af holdet ${clash.session.cohort.name} den dag`;
      }
    }
    if (Object.keys(errors).length) throw new FormError("Ret de markerede felter.", errors);
    await tx.session.update({ where: { id: sessionId }, data: { venueId: venue?.id ?? null, roomId: room?.id ?? null } });
    for (const d of days) await tx.sessionDay.update({ where: { id: d.id }, data: { startsAt: d.startsAt, endsAt: d.endsAt } });
    // Seat holders have these days in their calendars: a change of time or place updates them.
    const was = new Map(session.days.map((d) => [d.id, `${d.startsAt.getTime()}-${d.endsAt.getTime()}`]));
    const moved = days.some((d) => was.get(d.id) !== `${d.startsAt.getTime()}-${d.endsAt.getTime()}`);
    // A correction to days that are over (before and after) changes nobody's plans: no mail.
    const ahead = [...session.days, ...days].some((d) => d.endsAt > new Date());
    if (ahead && (moved || session.venueId !== (venue?.id ?? null) || session.roomId !== (room?.id ?? null))) await mailSessionChanged(tx, sessionId);
    await audit(tx, {
      actorUserId,
      action: "session.updated",
      entityType: "Session",
      entityId: sessionId,
      before: { venueId: session.venueId, roomId: session.roomId, days: session.days.map((d) => ({ id: d.id, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() })) },
      after: { venueId: venue?.id ?? null, roomId: room?.id ?? null, days: days.map((d) => ({ id: d.id, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() })) },
    });
  });
}
