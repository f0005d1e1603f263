import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { updateSession } from "@/lib/cohorts/service";
import { cancelEnrolment } from "@/lib/enrolment/admin";
import { getManagedEnrolment } from "@/lib/enrolment/manage";
import { resendManageLink } from "@/lib/enrolment/resend-link";
import { seatHolderByToken } from "@/lib/workspace/access";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { deliverDueMail } from "@/lib/mail/worker";
import { applicant, createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { fakeSmtpServer } from "@/tests/helpers/fake-smtp";
import { currentTestDb } from "@/tests/helpers/test-db";
import { sendDueModuleReminders } from "./service";

// Reminders before a module and calendar updates, received through a real SMTP server and read as a
// participant's mail program would (text, .ics attachment).

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");
const received: ParsedMail[] = [];
const smtp = fakeSmtpServer(async (m) => void received.push(m));
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

async function deliver(to: string): Promise<ParsedMail[]> {
  received.length = 0;
  await deliverDueMail({ transport: smtp.transport(), limit: 500 });
  return received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));
}
const ics = (m: ParsedMail) => m.attachments.find((a) => a.filename?.endsWith(".ics"))!.content.toString("utf8");
const sequences = (cal: string) => [...new Set([...cal.matchAll(/^SEQUENCE:(\d+)/gm)].map((x) => Number(x[1])))];
const uids = (cal: string) => [...cal.matchAll(/^UID:(.+)$/gm)].map((x) => x[1]!.trim()).sort();

async function setup(tag: string) {
  const { cohort, programme, venue } = await createCohortFixture(prisma);
  await prisma.module.updateMany({ where: { programmeId: programme.id, position: 1 }, data: { preparation: "Læs kapitel 3 og tag en konkret løsning med." } });
  await prisma.venue.update({ where: { id: venue.id }, data: { accessibilityNotes: "Elevator fra gården; handicaptoilet på 1. sal." } });
  const room = await prisma.room.create({ data: { venueId: venue.id, name: "Mødelokale Øst", capacity: 40 } });
  const first = await prisma.session.findFirstOrThrow({ where: { cohortId: cohort.id, module: { position: 1 } } });
  await prisma.session.update({ where: { id: first.id }, data: { roomId: room.id } });
  const email = `rem-${tag}-${cohort.slug}@kommune.example`;
  const e = await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`rem-${tag}-${cohort.slug}`, { email })), now: NOW });
  await deliver(email); // the confirmation (SEQUENCE 0)
  const admin = await prisma.user.create({ data: { email: `adm-${tag}-${cohort.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
  return { cohort, programme, venue, room, email, enrolmentId: e.enrolmentId, manageToken: e.manageToken!, admin, firstSession: first };
}

describe("module reminders", () => {
  it("go out 7 days before a module's first day, once, with the practical details, a working manage link and the calendar", async () => {
    const { email, enrolmentId } = await setup("due");
    // Module 1 starts 6 September 2027 09.00 (Copenhagen): 12 days ahead is too early.
    expect(await sendDueModuleReminders(new Date("2027-08-25T07:00:00Z"))).toBe(0);
    const at = new Date("2027-08-31T07:00:00Z");
    await sendDueModuleReminders(at);
    await sendDueModuleReminders(at);
    expect(await prisma.moduleReminder.count({ where: { enrolmentId } })).toBe(1);
    const mails = await deliver(email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Snart modul 1: /)]);
    const text = mails[0]!.text!;
    expect(text).toContain("mandag den 6. september 2027, kl. 09.00–16.00");
    expect(text).toContain("Vej 1, 2300 København S");
    expect(text).toContain("Mødelokale Øst");
    expect(text).toContain("Elevator fra gården; handicaptoilet på 1. sal.");
    expect(text).toContain("Læs kapitel 3 og tag en konkret løsning med.");
    const token = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    expect((await getManagedEnrolment(token))?.id).toBe(enrolmentId);
    expect(text).toContain(`/stillads/${token}`);
    expect((await seatHolderByToken(prisma, token))?.id).toBe(enrolmentId);
    const cal = ics(mails[0]!);
    expect(cal).toContain("METHOD:PUBLISH");
    expect(sequences(cal)).toEqual([1]);
    expect(uids(cal)).toHaveLength(2);
  });

  it("carry a further personal link: the one in the confirmation keeps working, and a new link from 'Send mit link igen' revokes both", async () => {
    const { cohort, email, enrolmentId, manageToken } = await setup("links");
    await sendDueModuleReminders(new Date("2027-08-31T07:00:00Z"));
    const reminderToken = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec((await deliver(email))[0]!.text!)![1]!;
    expect(reminderToken).not.toBe(manageToken);
    expect((await getManagedEnrolment(manageToken))?.id).toBe(enrolmentId);
    expect((await getManagedEnrolment(reminderToken))?.id).toBe(enrolmentId);

    await resendManageLink({ cohortId: cohort.id, email, ip: "203.0.113.9", now: new Date("2027-09-01T07:00:00Z") });
    const fresh = /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec((await deliver(email))[0]!.text!)![1]!;
    expect(await getManagedEnrolment(manageToken)).toBeNull();
    expect(await getManagedEnrolment(reminderToken)).toBeNull();
    expect(await seatHolderByToken(prisma, reminderToken)).toBeNull();
    expect((await getManagedEnrolment(fresh))?.id).toBe(enrolmentId);
  });

  it("wait for a programme's own lead time", async () => {
    const { programme, enrolmentId } = await setup("lead");
    await prisma.programme.update({ where: { id: programme.id }, data: { reminderDaysBefore: 3 } });
    await sendDueModuleReminders(new Date("2027-08-31T07:00:00Z"));
    expect(await prisma.moduleReminder.count({ where: { enrolmentId } })).toBe(0);
    await sendDueModuleReminders(new Date("2027-09-03T08:00:00Z"));
    expect(await prisma.moduleReminder.count({ where: { enrolmentId } })).toBe(1);
  });
});

describe("calendar updates", () => {
  it("follow a module moved across the end of summer time: same UIDs, higher SEQUENCE, the times still 09.00–16.00 in Copenhagen", async () => {
    const { email, firstSession, venue, room, admin } = await setup("dst");
    const [day] = await prisma.sessionDay.findMany({ where: { sessionId: firstSession.id } });
    const move = (date: string) => updateSession(firstSession.id, { venueId: venue.id, roomId: room.id, days: [{ id: day!.id, date, start: "09:00", end: "16:00" }] }, admin.id);
    await move("2027-10-28"); // summer time (UTC+2)
    const before = ics((await deliver(email))[0]!);
    expect(before).toContain("DTSTART:20271028T070000Z");
    await move("2027-11-04"); // winter time (UTC+1): the same wall-clock time is an hour later in UTC
    const mails = await deliver(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Ændring i modul 1: /);
    expect(mails[0]!.text).toContain("torsdag den 4. november 2027, kl. 09.00–16.00");
    const after = ics(mails[0]!);
    expect(after).toContain("DTSTART:20271104T080000Z");
    expect(after).toContain("DTEND:20271104T150000Z");
    expect(uids(after)).toEqual(uids(before));
    expect(sequences(after)[0]).toBeGreaterThan(sequences(before)[0]!);
  });

  it("sends nothing when a module is saved unchanged", async () => {
    const { email, firstSession, venue, room, admin } = await setup("same");
    const [day] = await prisma.sessionDay.findMany({ where: { sessionId: firstSession.id } });
    await updateSession(firstSession.id, { venueId: venue.id, roomId: room.id, days: [{ id: day!.id, date: "2027-09-06", start: "09:00", end: "16:00" }] }, admin.id);
    expect(await deliver(email)).toHaveLength(0);
  });

  it("are not sent for a correction to a module that is over", async () => {
    const { cohort, venue } = await createCohortFixture(prisma, { firstDay: new Date("2025-03-03T08:00:00Z"), opensAt: new Date("2024-01-01"), closesAt: new Date("2025-02-01") });
    const e = (await createParticipants(prisma, cohort.id, 1, "COMPLETED"))[0]!;
    const admin = await prisma.user.create({ data: { email: `adm-past-${cohort.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
    const session = await prisma.session.findFirstOrThrow({ where: { cohortId: cohort.id, module: { position: 1 } }, include: { days: true } });
    await updateSession(session.id, { venueId: venue.id, roomId: "", days: [{ id: session.days[0]!.id, date: "2025-03-03", start: "10:00", end: "16:00" }] }, admin.id);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `session-changed:${e}:` } } })).toBe(0);
    expect(await prisma.sessionDay.findUniqueOrThrow({ where: { id: session.days[0]!.id } })).toMatchObject({ startsAt: new Date("2025-03-03T09:00:00Z") });
  });

  it("cancel what the reminder put in the calendar when the enrolment is cancelled (METHOD:CANCEL, higher SEQUENCE)", async () => {
    const { email, enrolmentId, admin } = await setup("cancel");
    await sendDueModuleReminders(new Date("2027-08-31T07:00:00Z"));
    const reminder = ics((await deliver(email))[0]!);
    await cancelEnrolment({ enrolmentId, reason: "Syg", actorUserId: admin.id, now: new Date("2027-09-01T07:00:00Z") });
    const cancel = ics((await deliver(email))[0]!);
    expect(cancel).toContain("METHOD:CANCEL");
    expect(uids(cancel)).toEqual(uids(reminder));
    expect(sequences(cancel)[0]).toBeGreaterThan(sequences(reminder)[0]!);
  });
});
