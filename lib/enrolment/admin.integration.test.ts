import { describe, expect, it } from "vitest";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { applicantInput as input } from "@/tests/helpers/enrolment";
import { currentTestDb } from "@/tests/helpers/test-db";
import { cancelEnrolment, confirmOffer, moveEnrolment, rejectCancellationRequest, updateEnrolmentDetails } from "./admin";
import { EnrolmentError } from "./errors";
import { registerSubstitution, requestCancellation } from "./manage";
import { AdminEnrolmentEditSchema, ColleagueSchema } from "./schemas";
import { enrol } from "./service";

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

async function admin(tag: string) {
  return prisma.user.create({ data: { email: `adm-${tag}@stillads.invalid`, name: "Adm", role: "ADMIN", passwordHash: "x" } });
}

describe("administrators' enrolment changes", () => {
  it("edit invoice details and notes, keeping the old values in the audit log; bad EAN refused by the schema", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const a = await admin("edit");
    const r = await enrol({ cohortId: cohort.id, input: input("edit"), now: NOW });
    await updateEnrolmentDetails({
      enrolmentId: r.enrolmentId,
      input: AdminEnrolmentEditSchema.parse({ invoiceEan: "4006381333931", invoiceAttention: "Løn og personale", internalNotes: "Ringet 27/11" }),
      actorUserId: a.id,
    });
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } })).toMatchObject({
      invoiceEan: "4006381333931", invoiceAttention: "Løn og personale", invoiceReference: null, internalNotes: "Ringet 27/11",
    });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { entityId: r.enrolmentId, action: "enrolment.details_updated" } });
    expect(log.before).toMatchObject({ invoiceEan: "5798000416604", invoiceAttention: "Økonomi", invoiceReference: "PO-1" });
    expect(AdminEnrolmentEditSchema.safeParse({ invoiceEan: "4006381333932" }).error?.issues[0]?.message).toBe("EAN-nummeret er ikke gyldigt – kontrollér cifrene");
  });

  it("move an enrolment to another cohort: a seat there, the old seat offered to the waitlist", async () => {
    const from = await createCohortFixture(prisma, { capacity: 1 });
    const to = await prisma.cohort.create({
      data: { programmeId: from.programme.id, slug: "andet", name: "Andet hold", status: "PUBLISHED", capacity: 5, enrolmentOpensAt: new Date("2026-01-01"), enrolmentClosesAt: new Date("2027-08-01") },
    });
    const a = await admin("move");
    const first = await enrol({ cohortId: from.cohort.id, input: input("mv-1"), now: NOW });
    const waiting = await enrol({ cohortId: from.cohort.id, input: input("mv-2"), now: NOW });
    const moved = await moveEnrolment({ enrolmentId: first.enrolmentId, targetCohortId: to.id, actorUserId: a.id, now: NOW });
    expect(moved).toMatchObject({ status: "CONFIRMED", promoted: [waiting.enrolmentId] });
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: first.enrolmentId } })).toMatchObject({ status: "CANCELLED", cancelReason: "Flyttet til holdet Andet hold" });
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: moved.enrolmentId } })).toMatchObject({ cohortId: to.id, invoiceEan: "5798000416604" });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: waiting.enrolmentId } })).status).toBe("PENDING");
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `enrolment-moved:${first.enrolmentId}` } })).toBe(1);

    const other = await createCohortFixture(prisma);
    await expect(moveEnrolment({ enrolmentId: moved.enrolmentId, targetCohortId: other.cohort.id, actorUserId: a.id })).rejects.toThrow("Vælg et hold på samme uddannelse.");
  });

  it("register a substitution and decide cancellation requests", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const a = await admin("sub");
    const r = await enrol({ cohortId: cohort.id, input: input("sub"), now: NOW });
    const { enrolmentId } = await registerSubstitution(r.enrolmentId, ColleagueSchema.parse({ name: "Ny Kollega", email: "ny.kollega@kommune.example", phone: "12345678", jobTitle: "Leder" }), a.id, NOW);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } })).status).toBe("SUBSTITUTED");
    expect(await prisma.auditLog.count({ where: { entityId: r.enrolmentId, action: "enrolment.substituted", actorUserId: a.id } })).toBe(1);

    const colleagueMail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `enrolment-confirmed:${enrolmentId}` } });
    const token = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec(colleagueMail.textBody)![1]!;
    await requestCancellation(token, "Syg", NOW);
    await rejectCancellationRequest({ enrolmentId, actorUserId: a.id });
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "CONFIRMED", cancellationRequestedAt: null });
    await expect(rejectCancellationRequest({ enrolmentId, actorUserId: a.id })).rejects.toBeInstanceOf(EnrolmentError);
  });

  it("confirm a seat offered from the waitlist on the participant's behalf", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const a = await admin("confirm");
    const first = await enrol({ cohortId: cohort.id, input: input("cf-1"), now: NOW });
    const second = await enrol({ cohortId: cohort.id, input: input("cf-2"), now: NOW });
    await expect(confirmOffer({ enrolmentId: second.enrolmentId, actorUserId: a.id })).rejects.toThrow("Kun en tilbudt plads kan bekræftes.");
    await cancelEnrolment({ enrolmentId: first.enrolmentId, reason: "Syg", actorUserId: a.id, now: NOW });
    await confirmOffer({ enrolmentId: second.enrolmentId, actorUserId: a.id, now: NOW });
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: second.enrolmentId } })).toMatchObject({ status: "CONFIRMED", offerExpiresAt: null });
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `enrolment-confirmed:${second.enrolmentId}` } })).toBe(1);
  });
});
