import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { txOptions } from "../db/bounded";
import { enqueueMail } from "../mail/outbox";
import { municipalityByCode, municipalityDisplayName } from "../organisations/municipalities";
import { copenhagenTime, formatDate, localDateIso } from "../time";
import { hashToken, newToken } from "../tokens";
import { assembleEnrolmentDetails, firstDayOf } from "./details";
import { EnrolmentError } from "./errors";
import { confirmationMail, waitlistMail } from "./mails";
import type { EnrolmentInput } from "./schemas";
import { enrolmentPreflight, type EarlierSubmission } from "./preflight";
import { insertTakingSeat, isUniqueViolation, newId, waitlistRank, type EnrolmentRow } from "./seat";

export { SEAT_STATUSES, lockCohort, seatsTaken, waitlistRank } from "./seat";
export const ACTIVE_STATUSES = ["PENDING", "CONFIRMED", "WAITLISTED"] as const;

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

type OpenCohort = { status: string; enrolmentOpensAt: Date; enrolmentClosesAt: Date; hostOrganisationId: string | null };

/**
 * Whether a cohort takes enrolments (and waitlist entries) at `now`: published, public, inside its
 * window, and not yet started. From the first course day's date on (Copenhagen time) it is closed,
 * whatever its deadline says.
 */
export function assertOpen<C extends OpenCohort>(cohort: C | null, now: Date, firstDay: Date | null = null): asserts cohort is C {
  if (!cohort || cohort.status === "DRAFT" || cohort.hostOrganisationId) {
    throw new EnrolmentError("COHORT_NOT_FOUND", "Holdet findes ikke eller er ikke åbent for tilmelding.");
  }
  if (firstDay && now >= startOfDay(firstDay)) {
    throw new EnrolmentError("STARTED", "Holdet er gået i gang, så der er ikke længere tilmelding – heller ikke til ventelisten.");
  }
  if (cohort.status !== "PUBLISHED" || now > cohort.enrolmentClosesAt) {
    throw new EnrolmentError("CLOSED", "Tilmeldingen til dette hold er lukket.");
  }
  if (now < cohort.enrolmentOpensAt) {
    throw new EnrolmentError("NOT_OPEN_YET", `Tilmeldingen åbner ${formatDate(cohort.enrolmentOpensAt)}.`);
  }
}

/** Midnight in Copenhagen at the start of the day `at` falls on. */
export function startOfDay(at: Date): Date {
  return copenhagenTime(localDateIso(at), "00:00");
}

/** The applicant's organisation; a new one gets the invoice address the applicant gave as its own. */
async function resolveOrganisation(tx: Tx, input: EnrolmentInput) {
  const address = { street: input.billingStreet, postalCode: input.billingPostalCode, city: input.billingCity };
  if (input.orgType === "MUNICIPALITY") {
    const m = municipalityByCode(Number(input.municipalityCode))!;
    return tx.organisation.upsert({
      where: { municipalityCode: m.code },
      update: {},
      create: { name: municipalityDisplayName(m), kind: "MUNICIPALITY", municipalityCode: m.code, ean: input.ean, ...address },
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
        ...address,
      },
    });
  }
  // The same name in any letter case. Not Prisma's case-insensitive `equals`: that is an ILIKE, where a
  // name such as "%" or "Region_" matches some other organisation and the invoice goes to it.
  const [match] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Organisation" WHERE kind = 'OTHER_PUBLIC' AND lower(name) = lower(${input.organisationName})
    ORDER BY "createdAt" LIMIT 1`;
  const existing = match ? await tx.organisation.findUnique({ where: { id: match.id } }) : null;
  return existing ?? tx.organisation.create({ data: { name: input.organisationName, kind: "OTHER_PUBLIC", ean: input.ean, ...address } });
}

type Repeat = { id: string; status: string; waitlistPosition: number | null; cohortId: string };

async function existingResult(tx: Tx, e: Repeat): Promise<EnrolResult> {
  return {
    enrolmentId: e.id,
    status: e.status === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED",
    waitlistPosition: e.waitlistPosition === null ? null : await waitlistRank(tx, e.cohortId, e.waitlistPosition),
    manageToken: null,
    duplicate: true,
  };
}

const KEY_TAKEN = "Formularen er allerede brugt til en anden tilmelding. Genindlæs siden, udfyld den igen og send.";

type PersonRow = Prisma.PersonGetPayload<object>;
type PersonDetails = { name: string; email: string; phone: string; jobTitle: string };
type StoredPerson = { id: string; phone: string | null; jobTitle: string | null; organisationId: string | null };

/**
 * The person with this e-mail, created from the details when there is none. A form proves no identity,
 * so an existing person is never rewritten here (their other enrolments and mails show who they are).
 * Call it inside the transaction that stores the enrolment, so a refused submission leaves no one behind.
 */
export async function findOrCreatePerson(tx: Tx, details: PersonDetails, organisationId: string | null = null) {
  // One statement for the usual case (a new person); a person created meanwhile is read instead.
  const now = new Date();
  const [created] = await tx.$queryRaw<PersonRow[]>`
    INSERT INTO "Person" (id, name, email, phone, "jobTitle", "organisationId", "createdAt", "updatedAt")
    VALUES (${newId()}, ${details.name}, ${details.email}, ${details.phone}, ${details.jobTitle}, ${organisationId}, ${now}, ${now})
    ON CONFLICT (email) DO NOTHING
    RETURNING *`;
  return created ?? tx.person.findUniqueOrThrow({ where: { email: details.email } });
}

/**
 * Once a new enrolment is made: fills what is missing about the person, and nothing more. Their
 * organisation is set only when they have none: an enrolment paid by another organisation records that
 * organisation on the enrolment, it does not move the person.
 */
export async function completePerson<P extends StoredPerson>(tx: Tx, person: P, details: PersonDetails, organisationId: string | null): Promise<P> {
  const data = {
    ...(person.phone ? {} : { phone: details.phone }),
    ...(person.jobTitle ? {} : { jobTitle: details.jobTitle }),
    ...(organisationId && !person.organisationId ? { organisationId } : {}),
  };
  if (!Object.keys(data).length) return person;
  await tx.person.update({ where: { id: person.id }, data });
  return { ...person, ...data };
}

/**
 * Enrols an applicant in a cohort: a seat when one is free, else the waitlist. One transaction writes
 * the person, their organisation, the enrolment, its audit entry and its mail, or nothing at all.
 */
export async function enrol(params: { cohortId: string; input: EnrolmentInput; now?: Date }): Promise<EnrolResult> {
  try {
    return await enrolOnce(params);
  } catch (err) {
    // The unique indexes are the last line: a submission racing its own twin lands here (its
    // transaction, person included, rolled back) and gets the twin's result. A race on something else
    // (two new organisations or people created at once in different cohorts) is simply run again, once.
    if (isUniqueViolation(err)) {
      const { cohortId, input } = params;
      const twin = repeatOf((await enrolmentPreflight(cohortId, input)).earlier, cohortId, input.email);
      return (await twin) ?? enrolOnce(params);
    }
    throw err;
  }
}

/**
 * The stored result when an earlier submission makes this one a repeat. An idempotency key belongs to
 * one cohort and one e-mail: a repeat of the same submission gets the stored result, anyone else is
 * refused (a copied or cached form must never hand one person's enrolment to another).
 */
function repeatOf(earlier: EarlierSubmission[], cohortId: string, email: string): Promise<EnrolResult> | null {
  const byKey = earlier.find((e) => e.byKey);
  if (byKey && (byKey.cohortId !== cohortId || byKey.email !== email)) throw new EnrolmentError("REJECTED", KEY_TAKEN);
  const same = byKey ?? earlier.find((e) => e.cohortId === cohortId && e.email === email);
  return same ? existingResult(db, same) : null;
}

async function enrolOnce(params: { cohortId: string; input: EnrolmentInput; now?: Date }): Promise<EnrolResult> {
  const { cohortId, input } = params;
  const now = params.now ?? new Date();
  // Everything that does not depend on free seats comes first, in one read outside the transaction:
  // the cohort and what its mail shows, repeats, the person and organisation if they exist.
  const pre = await enrolmentPreflight(cohortId, input);
  const { cohort } = pre;
  const repeat = repeatOf(pre.earlier, cohortId, input.email);
  if (repeat) return repeat;
  assertOpen(cohort, now, firstDayOf(cohort ?? { sessions: [] }));

  const programme = cohort.programme;
  const id = newId();
  const token = newToken();
  return db.$transaction(async (tx) => {
    const organisation = pre.organisation ?? (await resolveOrganisation(tx, input));
    const found = pre.person ?? (await findOrCreatePerson(tx, input, organisation.id));
    const person = await completePerson(tx, found, input, organisation.id);
    const columns = {
      id,
      personId: person.id,
      organisationId: organisation.id,
      priceOre: cohort.priceOverrideOre ?? programme.priceOre,
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
      // Likewise the e-mail for a PDF invoice: public bodies are invoiced electronically to their EAN.
      invoiceEmail: input.orgType === "PRIVATE" ? input.invoiceEmail || null : null,
      dietaryNeeds: input.dietaryNeeds || null,
      accessibilityNeeds: input.accessibilityNeeds || null,
      termsAcceptedAt: now,
      termsVersion: programme.termsVersion,
      privacyAcceptedAt: now,
      manageTokenHash: hashToken(token),
      idempotencyKey: input.idempotencyKey || null,
    };
    // The confirmation is rendered before the seat is taken, so the seat's lock is held only for the
    // insert, the audit entry, the outbox row and the commit.
    const provisional: EnrolmentRow = {
      ...columns,
      cohortId,
      status: "CONFIRMED",
      waitlistPosition: null,
      offerExpiresAt: null,
      replacesId: null,
      cancellationRequestedAt: null,
      cancellationRequestReason: null,
      cancelledAt: null,
      cancelReason: null,
      confirmedAt: now,
      completedAt: null,
      internalNotes: null,
      privacyBasis: "APPLICANT",
      calendarSequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    const confirmation = confirmationMail(assembleEnrolmentDetails(provisional, person, organisation, cohort), token);

    const row = await insertTakingSeat(tx, cohortId, columns, now);
    const waiting = row.status === "WAITLISTED";
    await audit(tx, {
      actorLabel: "applicant",
      action: "enrolment.created",
      entityType: "Enrolment",
      entityId: id,
      after: { status: row.status, waitlistPosition: row.waitlistPosition, cohortId },
    });
    // A waitlisted applicant holds no lock: counting the queue costs the seat-takers nothing.
    const rank = waiting ? await waitlistRank(tx, cohortId, row.waitlistPosition!) : null;
    await enqueueMail(tx, rank ? waitlistMail(assembleEnrolmentDetails(row, person, organisation, cohort), token, rank) : confirmation);
    return { enrolmentId: id, status: waiting ? "WAITLISTED" : "CONFIRMED", waitlistPosition: rank, manageToken: token, duplicate: false } as const;
  }, txOptions());
}
