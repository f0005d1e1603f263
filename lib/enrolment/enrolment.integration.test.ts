import { describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { applicantInput as input, rejection } from "@/tests/helpers/enrolment";
import { currentTestDb } from "@/tests/helpers/test-db";
import { cancelEnrolment } from "./admin";
import { acceptOffer, getManagedEnrolment, requestCancellation, sendColleague, updateNeeds } from "./manage";
import { ColleagueSchema } from "./schemas";
import { enrol } from "./service";
import { expireWaitlistOffers } from "./waitlist";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

describe("enrol", () => {
  it("stores a confirmed enrolment with invoice details, consent, audit entry and a mail with every course day", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 5 });
    const r = await enrol({ cohortId: cohort.id, input: input("a", { dietaryNeeds: "Vegetar", invoiceReference: "PO-77" }), now: NOW });
    expect(r).toMatchObject({ status: "CONFIRMED", waitlistPosition: null, duplicate: false });
    expect(r.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId }, include: { person: true, organisation: true } });
    expect(e).toMatchObject({
      status: "CONFIRMED",
      invoiceEan: "5798000416604",
      invoiceAttention: "Økonomi",
      invoiceReference: "PO-77",
      dietaryNeeds: "Vegetar",
      priceOre: 1_295_000,
      vatRateBp: 2500,
      termsVersion: "test-1",
    });
    expect(e.termsAcceptedAt).toEqual(NOW);
    expect(e.privacyAcceptedAt).toEqual(NOW);
    expect(e.manageTokenHash).not.toBe(r.manageToken);
    expect(e.person.email).toBe("ansoeger-a@kommune.example");
    expect(e.organisation).toMatchObject({ name: "Syddjurs Kommune", kind: "MUNICIPALITY", municipalityCode: 706 });

    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `enrolment-confirmed:${e.id}` } });
    expect(mail.toAddress).toBe("ansoeger-a@kommune.example");
    expect(mail.textBody).toContain("Pris inkl. moms: 16.187,50");
    expect(mail.textBody).toContain(`/tilmelding/${r.manageToken}`);
    const ics = Buffer.from((mail.attachments as Array<{ content: string }>)[0]!.content, "base64").toString("utf8");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // Times in UTC: 07:00Z is 09:00 in Copenhagen in September.
    expect(ics).toContain("DTSTART:20270906T070000Z");
    expect(ics).not.toMatch(/TZID=/);
    expect(await prisma.auditLog.count({ where: { entityId: e.id, action: "enrolment.created" } })).toBe(1);
  });

  it("never oversells: concurrent applicants beyond capacity go to the waitlist in order", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => enrol({ cohortId: cohort.id, input: input(`race-${i}`), now: NOW })));
    expect(results.filter((r) => r.status === "CONFIRMED")).toHaveLength(3);
    const stored = await prisma.enrolment.findMany({ where: { cohortId: cohort.id } });
    expect(stored.filter((e) => e.status === "CONFIRMED")).toHaveLength(3);
    expect(stored.filter((e) => e.status === "WAITLISTED").map((e) => e.waitlistPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "enrolment-waitlisted:" }, toAddress: { startsWith: "ansoeger-race-" } } })).toBe(9);
  });

  it("never lets a submission rewrite an existing person: a refused repeat changes nothing, a new enrolment only fills gaps", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const other = (await createCohortFixture(prisma)).cohort;
    const first = await enrol({ cohortId: cohort.id, input: input("owner"), now: NOW });
    const stored = () => prisma.person.findUniqueOrThrow({ where: { email: "ansoeger-owner@kommune.example" } });
    const before = await stored();

    const stranger = { name: "Anden Person", email: "ANSOEGER-owner@kommune.example", phone: "99999999", jobTitle: "Ændret af fremmed" };
    const repeat = await enrol({ cohortId: cohort.id, input: input("x", stranger), now: NOW });
    expect(repeat).toMatchObject({ enrolmentId: first.enrolmentId, duplicate: true });
    expect(await stored()).toEqual(before);

    await prisma.person.update({ where: { id: before.id }, data: { jobTitle: null } });
    const second = await enrol({ cohortId: other.id, input: input("x", stranger), now: NOW });
    expect(second.duplicate).toBe(false);
    expect(await stored()).toMatchObject({ name: "Ansøger owner", phone: "12345678", jobTitle: "Ændret af fremmed" });
  });

  it("yields one enrolment for a double submit or a retry", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const key = "4f1c2d9e-double-submit";
    const [a, b] = await Promise.all([
      enrol({ cohortId: cohort.id, input: input("twice", { idempotencyKey: key }), now: NOW }),
      enrol({ cohortId: cohort.id, input: input("twice", { idempotencyKey: key }), now: NOW }),
    ]);
    expect(a.enrolmentId).toBe(b.enrolmentId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const retry = await enrol({ cohortId: cohort.id, input: input("twice"), now: NOW });
    expect(retry).toMatchObject({ enrolmentId: a.enrolmentId, duplicate: true, manageToken: null });
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "ansoeger-twice@kommune.example" } })).toBe(1);
  });

  it("refuses enrolment outside the window or in a draft or closed cohort, storing nothing", async () => {
    const open = await createCohortFixture(prisma, { opensAt: new Date("2027-01-01T00:00:00Z") });
    expect((await rejection(enrol({ cohortId: open.cohort.id, input: input("early"), now: NOW }))).code).toBe("NOT_OPEN_YET");
    const closed = await createCohortFixture(prisma, { closesAt: new Date("2026-11-01T00:00:00Z") });
    expect((await rejection(enrol({ cohortId: closed.cohort.id, input: input("late"), now: NOW }))).code).toBe("CLOSED");
    const draft = await createCohortFixture(prisma, { status: "DRAFT" });
    expect((await rejection(enrol({ cohortId: draft.cohort.id, input: input("draft"), now: NOW }))).code).toBe("COHORT_NOT_FOUND");
    const closedStatus = await createCohortFixture(prisma, { status: "CLOSED" });
    expect((await rejection(enrol({ cohortId: closedStatus.cohort.id, input: input("closed"), now: NOW }))).message).toBe("Tilmeldingen til dette hold er lukket.");
    expect(await prisma.person.count({ where: { email: { in: ["ansoeger-early@kommune.example", "ansoeger-late@kommune.example", "ansoeger-draft@kommune.example", "ansoeger-closed@kommune.example"] } } })).toBe(0);
  });

  it("records a private company by CVR with its billing address", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const r = await enrol({
      cohortId: cohort.id,
      input: input("firma", { orgType: "PRIVATE", organisationName: "Rådgivning ApS", ean: "", cvr: "10150817", billingStreet: "Gade 2", billingPostalCode: "8000", billingCity: "Aarhus C" }),
      now: NOW,
    });
    const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId }, include: { organisation: true } });
    expect(e).toMatchObject({ invoiceCvr: "10150817", invoiceEan: null, billingStreet: "Gade 2", billingPostalCode: "8000" });
    expect(e.organisation).toMatchObject({ kind: "PRIVATE", cvr: "10150817", name: "Rådgivning ApS" });
  });
});

describe("manage link", () => {
  const colleague = ColleagueSchema.parse({ name: "Kollega Jensen", email: "kollega@kommune.example", phone: "87654321", jobTitle: "Konsulent" });

  it("sends a colleague: the seat passes on, both get mail, the audit log records it", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const r = await enrol({ cohortId: cohort.id, input: input("orig"), now: NOW });
    const { enrolmentId } = await sendColleague(r.manageToken!, colleague, NOW);

    const original = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } });
    const replacement = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { person: true } });
    expect(original.status).toBe("SUBSTITUTED");
    expect(replacement).toMatchObject({ status: "CONFIRMED", replacesId: original.id, invoiceEan: original.invoiceEan, priceOre: original.priceOre });
    expect(replacement.person.email).toBe("kollega@kommune.example");
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id, status: { in: ["CONFIRMED", "PENDING"] } } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { in: [`substituted-original:${original.id}`, `enrolment-confirmed:${replacement.id}`] } } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: original.id, action: "enrolment.substituted" } })).toBe(1);
    // The old link no longer works.
    expect(await getManagedEnrolment(r.manageToken!, NOW)).toBeNull();
  });

  it("sends a colleague who is already a person without renaming them", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const earlier = (await createCohortFixture(prisma)).cohort;
    await enrol({ cohortId: earlier.id, input: input("known", { name: "Kendt Kollega", phone: "11223344" }), now: NOW });
    const r = await enrol({ cohortId: cohort.id, input: input("sender"), now: NOW });
    const other = { ...colleague, email: "ansoeger-known@kommune.example", name: "Et Andet Navn", phone: "99999999" };
    const { enrolmentId } = await sendColleague(r.manageToken!, other, NOW);
    const replacement = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { person: true } });
    expect(replacement.person).toMatchObject({ email: "ansoeger-known@kommune.example", name: "Kendt Kollega", phone: "11223344" });
  });

  it("refuses a substitution once the course has started", async () => {
    const { cohort } = await createCohortFixture(prisma, { firstDay: new Date("2026-12-01T08:00:00Z") });
    const r = await enrol({ cohortId: cohort.id, input: input("started"), now: NOW });
    const err = await rejection(sendColleague(r.manageToken!, colleague, new Date("2026-12-01T09:00:00Z")));
    expect(err.code).toBe("SUBSTITUTION_CLOSED");
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } })).status).toBe("CONFIRMED");
  });

  it("updates needs and records a cancellation request without freeing the seat", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const r = await enrol({ cohortId: cohort.id, input: input("needs"), now: NOW });
    const waiting = await enrol({ cohortId: cohort.id, input: input("waiting"), now: NOW });
    await updateNeeds(r.manageToken!, { dietaryNeeds: "Glutenfri", accessibilityNeeds: "Kørestol" });
    await requestCancellation(r.manageToken!, "Ny stilling", NOW);
    const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } });
    expect(e).toMatchObject({ status: "CONFIRMED", dietaryNeeds: "Glutenfri", accessibilityNeeds: "Kørestol", cancellationRequestReason: "Ny stilling" });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: waiting.enrolmentId } })).status).toBe("WAITLISTED");
    expect(await prisma.auditLog.count({ where: { entityId: e.id, action: { in: ["enrolment.needs_updated", "enrolment.cancellation_requested"] } } })).toBe(2);
  });

  it("rejects unknown and malformed tokens", async () => {
    expect(await getManagedEnrolment("x".repeat(43))).toBeNull();
    expect(await getManagedEnrolment("../../etc")).toBeNull();
    expect((await rejection(updateNeeds("y".repeat(43), { dietaryNeeds: "", accessibilityNeeds: "" }))).code).toBe("TOKEN_INVALID");
  });
});

describe("waitlist promotion", () => {
  it("offers a freed seat to the first in line, passes it on when the offer lapses, and confirms on acceptance", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const a = await enrol({ cohortId: cohort.id, input: input("wl-a"), now: NOW });
    const b = await enrol({ cohortId: cohort.id, input: input("wl-b"), now: NOW });
    const c = await enrol({ cohortId: cohort.id, input: input("wl-c"), now: NOW });
    expect([b.waitlistPosition, c.waitlistPosition]).toEqual([1, 2]);

    const { promoted } = await cancelEnrolment({ enrolmentId: a.enrolmentId, reason: "Afmeldt efter aftale", now: NOW });
    expect(promoted).toEqual([b.enrolmentId]);
    const offered = await prisma.enrolment.findUniqueOrThrow({ where: { id: b.enrolmentId } });
    expect(offered.status).toBe("PENDING");
    expect(offered.offerExpiresAt).toEqual(new Date(NOW.getTime() + 48 * 3_600_000));
    const offerMail = await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `waitlist-offer:${b.enrolmentId}` } } });
    const bToken = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec(offerMail.textBody)![1]!;

    // Nothing lapses before the deadline; after it, the seat moves on to C.
    expect(await expireWaitlistOffers(new Date(NOW.getTime() + 47 * 3_600_000))).toEqual({ expired: 0, promoted: 0 });
    expect(await expireWaitlistOffers(new Date(NOW.getTime() + 49 * 3_600_000))).toEqual({ expired: 1, promoted: 1 });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: b.enrolmentId } })).status).toBe("CANCELLED");
    expect((await rejection(acceptOffer(bToken, new Date(NOW.getTime() + 50 * 3_600_000)))).code).toBe("TOKEN_INVALID");

    const cMail = await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `waitlist-offer:${c.enrolmentId}` } } });
    const cToken = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec(cMail.textBody)![1]!;
    await acceptOffer(cToken, new Date(NOW.getTime() + 50 * 3_600_000));
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: c.enrolmentId } })).status).toBe("CONFIRMED");
    expect(await prisma.enrolment.count({ where: { cohortId: cohort.id, status: { in: ["CONFIRMED", "PENDING"] } } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `enrolment-confirmed:${c.enrolmentId}` } })).toBe(1);
  });
});
