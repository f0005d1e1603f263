import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { enqueueMail } from "../mail/outbox";
import { municipalityByCode, municipalityDisplayName } from "../organisations/municipalities";
import { formatDate } from "../time";
import { hashToken, newToken } from "../tokens";
import { loadEnrolmentDetails } from "./details";
import { EnrolmentError } from "./errors";
import { confirmationMail, waitlistMail } from "./mails";
import type { EnrolmentInput } from "./schemas";

/** Statuses that hold a seat; PENDING is a seat offered to a waitlisted applicant who has not yet said yes. */
export const SEAT_STATUSES = ["CONFIRMED", "PENDING", "COMPLETED"] as const;
export const ACTIVE_STATUSES = ["PENDING", "CONFIRMED", "WAITLISTED"] as const;

// Interactive transactions queue for the cohort's row lock under load; give them room.
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export type EnrolResult = {
  enrolmentId: string;
  status: "CONFIRMED" | "WAITLISTED";
  /** Place on the waitlist (1 = next in line). */
  waitlistPosition: number | null;
  /** The manage-link token; only returned when this call created the enrolment. */
  manageToken: string | null;
  /** True when an earlier submission (double click, retry) already created it. */
  duplicate: boolean;
};

type LockedCohort = { id: string; status: string; capacity: number; enrolmentOpensAt: Date; enrolmentClosesAt: Date; hostOrganisationId: string | null };

/**
 * Locks the cohort's row for the rest of the transaction. Every change to who holds a seat in a cohort
 * takes this lock first, so on a PostgreSQL server concurrent enrolments in one cohort queue here and
 * each counts the seats its predecessors took: seats are never oversold. (The embedded database runs
 * one transaction at a time anyway.) Enrolments in other cohorts do not wait.
 */
export async function lockCohort(tx: Tx, cohortId: string): Promise<LockedCohort | null> {
  const rows = await tx.$queryRaw<LockedCohort[]>`
    SELECT id, status::text AS status, capacity, "enrolmentOpensAt", "enrolmentClosesAt", "hostOrganisationId"
    FROM "Cohort" WHERE id = ${cohortId} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function seatsTaken(tx: Tx, cohortId: string): Promise<number> {
  return tx.enrolment.count({ where: { cohortId, status: { in: [...SEAT_STATUSES] } } });
}

/** 1-based rank among those still waiting (positions keep gaps when people leave the list). */
export async function waitlistRank(tx: Tx, cohortId: string, position: number): Promise<number> {
  return tx.enrolment.count({ where: { cohortId, status: "WAITLISTED", waitlistPosition: { lte: position } } });
}

export function assertOpen(cohort: LockedCohort | null, now: Date): asserts cohort is LockedCohort {
  if (!cohort || cohort.status === "DRAFT" || cohort.hostOrganisationId) {
    throw new EnrolmentError("COHORT_NOT_FOUND", "Holdet findes ikke eller er ikke åbent for tilmelding.");
  }
  if (cohort.status !== "PUBLISHED" || now > cohort.enrolmentClosesAt) {
    throw new EnrolmentError("CLOSED", "Tilmeldingen til dette hold er lukket.");
  }
  if (now < cohort.enrolmentOpensAt) {
    throw new EnrolmentError("NOT_OPEN_YET", `Tilmeldingen åbner ${formatDate(cohort.enrolmentOpensAt)}.`);
  }
}

async function resolveOrganisation(tx: Tx, input: EnrolmentInput) {
  if (input.orgType === "MUNICIPALITY") {
    const m = municipalityByCode(Number(input.municipalityCode))!;
    return tx.organisation.upsert({
      where: { municipalityCode: m.code },
      update: {},
      create: { name: municipalityDisplayName(m), kind: "MUNICIPALITY", municipalityCode: m.code, ean: input.ean },
    });
  }
  if (input.orgType === "PRIVATE") {
    return tx.organisation.upsert({
      where: { cvr: input.cvr },
      update: {},
      create: {
        name: input.organisationName,
        kind: "PRIVATE",
        cvr: input.cvr,
        ean: input.ean || null,
        street: input.billingStreet,
        postalCode: input.billingPostalCode,
        city: input.billingCity,
      },
    });
  }
  // The same name in any letter case. Not Prisma's case-insensitive `equals`: that is an ILIKE, where a
  // name such as "%" or "Region_" matches some other organisation and the invoice goes to it.
  const [match] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Organisation" WHERE kind = 'OTHER_PUBLIC' AND lower(name) = lower(${input.organisationName})
    ORDER BY "createdAt" LIMIT 1`;
  const existing = match ? await tx.organisation.findUnique({ where: { id: match.id } }) : null;
  return existing ?? tx.organisation.create({ data: { name: input.organisationName, kind: "OTHER_PUBLIC", ean: input.ean } });
}

async function existingResult(tx: Tx, e: { id: string; status: string; waitlistPosition: number | null; cohortId: string }): Promise<EnrolResult> {
  return {
    enrolmentId: e.id,
    status: e.status === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED",
    waitlistPosition: e.waitlistPosition === null ? null : await waitlistRank(tx, e.cohortId, e.waitlistPosition),
    manageToken: null,
    duplicate: true,
  };
}

type PersonDetails = { name: string; email: string; phone: string; jobTitle: string };
type StoredPerson = { id: string; phone: string | null; jobTitle: string | null; organisationId: string | null };

/**
 * The person with this e-mail, created from the details when there is none. A form proves no identity,
 * so an existing person is never rewritten here (their other enrolments and mails show who they are),
 * and a submission that is then refused or found to be a repeat has written nothing to them.
 */
export async function findOrCreatePerson(tx: Tx, details: PersonDetails, organisationId: string | null = null) {
  return tx.person.upsert({
    where: { email: details.email },
    update: {},
    create: { name: details.name, email: details.email, phone: details.phone, jobTitle: details.jobTitle, organisationId },
  });
}

/** Once a new enrolment is made: fills what is missing about the person, and nothing more. */
export async function completePerson(tx: Tx, person: StoredPerson, details: PersonDetails, organisationId: string | null) {
  const data = {
    ...(person.phone ? {} : { phone: details.phone }),
    ...(person.jobTitle ? {} : { jobTitle: details.jobTitle }),
    ...(organisationId && person.organisationId !== organisationId ? { organisationId } : {}),
  };
  if (Object.keys(data).length) await tx.person.update({ where: { id: person.id }, data });
}

/**
 * Enrols an applicant in a cohort: a seat when one is free, else the waitlist. One transaction writes
 * the person, their organisation, the enrolment, its audit entry and its mail, or nothing at all.
 */
export async function enrol(params: { cohortId: string; input: EnrolmentInput; now?: Date }): Promise<EnrolResult> {
  try {
    return await enrolOnce(params);
  } catch (err) {
    // The unique indexes are the last line: a submission racing its own twin lands here and gets the
    // twin's result. A race on something else (two new organisations or people created at once in
    // different cohorts) is simply run again, once.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const twin = await findTwin(params.cohortId, params.input);
      if (twin) return db.$transaction((tx) => existingResult(tx, twin));
      return enrolOnce(params);
    }
    throw err;
  }
}

async function findTwin(cohortId: string, input: EnrolmentInput) {
  if (input.idempotencyKey) {
    const byKey = await db.enrolment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (byKey) return byKey;
  }
  const person = await db.person.findUnique({ where: { email: input.email } });
  return person ? db.enrolment.findFirst({ where: { cohortId, personId: person.id, status: { in: [...ACTIVE_STATUSES] } } }) : null;
}

async function enrolOnce(params: { cohortId: string; input: EnrolmentInput; now?: Date }): Promise<EnrolResult> {
  const { cohortId, input } = params;
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    if (input.idempotencyKey) {
      const same = await tx.enrolment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (same) {
        if (same.cohortId !== cohortId) throw new EnrolmentError("REJECTED", "Tilmeldingen kunne ikke modtages. Genindlæs siden og prøv igen.");
        return existingResult(tx, same);
      }
    }
    // What does not depend on the seats is written before the cohort lock, to keep the lock short.
    const programme = await tx.programme.findFirst({ where: { cohorts: { some: { id: cohortId } } } });
    if (!programme) throw new EnrolmentError("COHORT_NOT_FOUND", "Holdet findes ikke eller er ikke åbent for tilmelding.");
    const person = await findOrCreatePerson(tx, input);
    const organisation = await resolveOrganisation(tx, input);

    const cohort = await lockCohort(tx, cohortId);
    assertOpen(cohort, now);
    // Under the lock: a twin submission that got here first is seen, not duplicated.
    if (input.idempotencyKey) {
      const same = await tx.enrolment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (same) return existingResult(tx, same);
    }
    const active = await tx.enrolment.findFirst({ where: { cohortId, personId: person.id, status: { in: [...ACTIVE_STATUSES] } } });
    if (active) return existingResult(tx, active);
    await completePerson(tx, person, input, organisation.id);
    const cohortPrice = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { priceOverrideOre: true } });

    const free = cohort.capacity - (await seatsTaken(tx, cohortId));
    let waitlistPosition: number | null = null;
    if (free <= 0) {
      const last = await tx.enrolment.aggregate({ where: { cohortId }, _max: { waitlistPosition: true } });
      waitlistPosition = (last._max.waitlistPosition ?? 0) + 1;
    }
    const token = newToken();
    const enrolment = await tx.enrolment.create({
      data: {
        cohortId,
        personId: person.id,
        organisationId: organisation.id,
        status: waitlistPosition ? "WAITLISTED" : "CONFIRMED",
        waitlistPosition,
        confirmedAt: waitlistPosition ? null : now,
        priceOre: cohortPrice.priceOverrideOre ?? programme.priceOre,
        vatRateBp: programme.vatRateBp,
        invoiceEan: input.ean || null,
        // Only a private company is invoiced by CVR; a public applicant's stray CVR field (all sections
        // show without JavaScript) is not checked, so it is not kept either.
        invoiceCvr: input.orgType === "PRIVATE" ? input.cvr || null : null,
        invoiceAttention: input.invoiceAttention,
        invoiceReference: input.invoiceReference || null,
        billingName: organisation.name,
        billingStreet: input.billingStreet || null,
        billingPostalCode: input.billingPostalCode || null,
        billingCity: input.billingCity || null,
        dietaryNeeds: input.dietaryNeeds || null,
        accessibilityNeeds: input.accessibilityNeeds || null,
        termsAcceptedAt: now,
        termsVersion: programme.termsVersion,
        privacyAcceptedAt: now,
        manageTokenHash: hashToken(token),
        idempotencyKey: input.idempotencyKey || null,
      },
    });
    await audit(tx, {
      actorLabel: "applicant",
      action: "enrolment.created",
      entityType: "Enrolment",
      entityId: enrolment.id,
      after: { status: enrolment.status, waitlistPosition, cohortId },
    });
    const details = await loadEnrolmentDetails(tx, enrolment.id);
    const rank = waitlistPosition ? await waitlistRank(tx, cohortId, waitlistPosition) : null;
    await enqueueMail(tx, rank ? waitlistMail(details, token, rank) : confirmationMail(details, token));
    return {
      enrolmentId: enrolment.id,
      status: rank ? "WAITLISTED" : "CONFIRMED",
      waitlistPosition: rank,
      manageToken: token,
      duplicate: false,
    };
  }, TX_OPTIONS);
}
