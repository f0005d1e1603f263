import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { deliverDueMail } from "@/lib/mail/worker";
import type { MailTransport } from "@/lib/mail/transport";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { applicantInput as input } from "@/tests/helpers/enrolment";
import { currentTestDb } from "@/tests/helpers/test-db";
import { cancelEnrolment, confirmOffer, moveEnrolment, rejectCancellationRequest } from "./admin";
import { getManagedEnrolment, leaveWaitlist, registerSubstitution, requestCancellation, sendColleague, updatePersonDetails } from "./manage";
import { resendManageLink } from "./resend-link";
import { ColleagueSchema, PersonDetailsSchema } from "./schemas";
import { enrol } from "./service";
import { waitlistRanks } from "./seat";

// What the people concerned receive when an enrolment changes, read as they would: each mail is built
// by the outbox worker into a real MIME message and parsed back (text part, HTML part, From, .ics).

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

const parsed: ParsedMail[] = [];
const capture: MailTransport = {
  kind: "file",
  async send(m) {
    const t = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await t.sendMail({ ...m, html: m.html ?? undefined });
    parsed.push(await simpleParser(info.message as Buffer));
  },
};

/** Runs the outbox worker and returns the mails it sent, by recipient. */
async function deliver(): Promise<ParsedMail[]> {
  parsed.length = 0;
  await deliverDueMail({ transport: capture, limit: 200 });
  return [...parsed];
}
const to = (mails: ParsedMail[], address: string) => mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(address)));
const ics = (m: ParsedMail, name: string) => m.attachments.find((a) => a.filename === name)?.content.toString("utf8") ?? "";
const uids = (cal: string) => [...cal.matchAll(/^UID:(.+)$/gm)].map((x) => x[1]!.trim()).sort();
const sequence = (cal: string) => [...new Set([...cal.matchAll(/^SEQUENCE:(\d+)/gm)].map((x) => Number(x[1])))];
const tokenIn = (text: string) => /\/tilmelding\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

async function admin(tag: string) {
  return prisma.user.create({ data: { email: `adm-${tag}@stillads.invalid`, name: "Adm", role: "ADMIN", passwordHash: "x" } });
}

/** A second cohort of the same programme, with one course day of its own. */
async function sibling(programmeId: string, venueId: string, capacity = 5) {
  const mod = await prisma.module.findFirstOrThrow({ where: { programmeId }, orderBy: { position: "asc" } });
  const cohort = await prisma.cohort.create({
    data: { programmeId, slug: `sos-${Date.now()}`, name: "Søsterhold", status: "PUBLISHED", capacity, enrolmentOpensAt: new Date("2026-01-01"), enrolmentClosesAt: new Date("2027-08-01") },
  });
  await prisma.session.create({
    data: { cohortId: cohort.id, moduleId: mod.id, venueId, days: { create: [{ startsAt: new Date("2027-10-04T07:00:00Z"), endsAt: new Date("2027-10-04T14:00:00Z") }] } },
  });
  return cohort;
}

describe("mails about changes to an enrolment (issue 12, item 1)", () => {
  it("an administrator's cancellation mails the participant a calendar cancellation: same UIDs, higher SEQUENCE", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const a = await admin("cancel");
    const r = await enrol({ cohortId: cohort.id, input: input("cancel"), now: NOW });
    const [confirmation] = await deliver();
    await cancelEnrolment({ enrolmentId: r.enrolmentId, reason: "Holdet er flyttet", actorUserId: a.id, now: NOW });
    const [cancelled, ...rest] = await deliver();
    expect(rest).toEqual([]);
    expect(cancelled!.subject).toMatch(/^Tilmelding annulleret: /);
    expect(cancelled!.text).toContain("Begrundelse: Holdet er flyttet");

    const published = ics(confirmation!, "kursusdage.ics");
    const cancel = ics(cancelled!, "aflyste-kursusdage.ics");
    expect(published).toContain("METHOD:PUBLISH");
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(uids(cancel)).toHaveLength(2);
    expect(uids(cancel)).toEqual(uids(published));
    expect(uids(cancel).every((u) => u.startsWith(`enrolment-${r.enrolmentId}-`))).toBe(true);
    expect(sequence(cancel)[0]).toBeGreaterThan(sequence(published)[0]!);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } })).calendarSequence).toBe(sequence(cancel)[0]);
  });

  it("a cancelled waitlist place is mailed too, without a calendar; a turned-down request is answered in the provider's name", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const a = await admin("cancel-wl");
    const seat = await enrol({ cohortId: cohort.id, input: input("cw-1"), now: NOW });
    const waiting = await enrol({ cohortId: cohort.id, input: input("cw-2"), now: NOW });
    await deliver();
    await cancelEnrolment({ enrolmentId: waiting.enrolmentId, reason: "Dublet", actorUserId: a.id, now: NOW });
    const [wl] = await deliver();
    expect(wl!.subject).toMatch(/^Tilmelding annulleret/);
    expect(wl!.attachments).toHaveLength(0);

    await requestCancellation(tokenIn((await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `enrolment-confirmed:${seat.enrolmentId}` } })).textBody), "Syg", NOW);
    await rejectCancellationRequest({ enrolmentId: seat.enrolmentId, actorUserId: a.id });
    const answered = to(await deliver(), "ansoeger-cw-1@").find((m) => m.subject?.startsWith("Din anmodning om afmelding"));
    expect(answered!.text).toContain("Tilmeldingen er bindende");
    expect(answered!.from!.value[0]!.name).toBe("KL");
    expect(answered!.text).not.toContain("Stillads");
  });

  it("a move mails the new days and cancels the old ones, with a new working link", async () => {
    const { cohort, programme, venue } = await createCohortFixture(prisma);
    const target = await sibling(programme.id, venue.id);
    const a = await admin("move");
    const r = await enrol({ cohortId: cohort.id, input: input("move"), now: NOW });
    const [confirmation] = await deliver();
    const moved = await moveEnrolment({ enrolmentId: r.enrolmentId, targetCohortId: target.id, actorUserId: a.id, now: NOW });
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toBe(`Du er flyttet til holdet Søsterhold: ${programme.title}`);
    expect(m.text).toContain("mandag den 4. oktober 2027");
    const cancel = ics(m, "aflyste-kursusdage.ics");
    const fresh = ics(m, "kursusdage.ics");
    expect(uids(cancel)).toEqual(uids(ics(confirmation!, "kursusdage.ics")));
    expect(cancel).toContain("METHOD:CANCEL");
    expect(sequence(cancel)[0]).toBeGreaterThan(0);
    expect(fresh).toContain("METHOD:PUBLISH");
    expect(fresh).toContain("DTSTART:20271004T070000Z");
    expect(uids(fresh)).toEqual([expect.stringMatching(new RegExp(`^enrolment-${moved.enrolmentId}-`))]);
    expect((await getManagedEnrolment(tokenIn(m.text!)))?.id).toBe(moved.enrolmentId);
  });

  it("confirming an offered seat mails the confirmation with the calendar and a fresh link", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const a = await admin("confirm");
    const first = await enrol({ cohortId: cohort.id, input: input("cf-1"), now: NOW });
    const second = await enrol({ cohortId: cohort.id, input: input("cf-2"), now: NOW });
    await cancelEnrolment({ enrolmentId: first.enrolmentId, reason: "Syg", actorUserId: a.id, now: NOW });
    await deliver();
    await confirmOffer({ enrolmentId: second.enrolmentId, actorUserId: a.id, now: NOW });
    const [m] = await deliver();
    expect(m!.subject).toMatch(/^Bekræftelse: /);
    expect(ics(m!, "kursusdage.ics")).toContain("METHOD:PUBLISH");
    expect((await getManagedEnrolment(tokenIn(m!.text!)))?.status).toBe("CONFIRMED");
  });
});

describe("the waitlist (item 5)", () => {
  it("a waitlisted person leaves at once, audited and mailed, and the rest move up in both views", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    await enrol({ cohortId: cohort.id, input: input("wl-0"), now: NOW });
    const w: Array<{ enrolmentId: string }> = [];
    for (const n of ["wl-1", "wl-2", "wl-3"]) w.push(await enrol({ cohortId: cohort.id, input: input(n), now: NOW }));
    const tokens = new Map((await deliver()).map((m) => [m.subject + (Array.isArray(m.to) ? "" : m.to!.text), tokenIn(m.text!)]));
    const tokenOf = (n: string) => [...tokens.entries()].find(([k]) => k.includes(`ansoeger-${n}@`))![1];

    const page = await getManagedEnrolment(tokenOf("wl-1"));
    expect(page).toMatchObject({ status: "WAITLISTED", waitlistRank: 1, canLeaveWaitlist: true, canRequestCancellation: false });

    await leaveWaitlist(tokenOf("wl-1"), NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: w[0]!.enrolmentId } })).toMatchObject({ status: "CANCELLED", waitlistPosition: null, cancelledAt: NOW });
    expect(await prisma.auditLog.count({ where: { entityId: w[0]!.enrolmentId, action: "enrolment.waitlist_left", actorLabel: `participant:${w[0]!.enrolmentId}` } })).toBe(1);
    const [receipt] = await deliver();
    expect(receipt!.subject).toMatch(/^Du er afmeldt ventelisten/);
    await expect(leaveWaitlist(tokenOf("wl-1"), NOW)).rejects.toThrow("Du står ikke længere på ventelisten.");

    // The participant and the administrators' list say the same number.
    const ranks = await waitlistRanks(prisma, cohort.id);
    const positionOf = async (i: number) => (await prisma.enrolment.findUniqueOrThrow({ where: { id: w[i]!.enrolmentId } })).waitlistPosition!;
    expect((await getManagedEnrolment(tokenOf("wl-3")))?.waitlistRank).toBe(2);
    expect(ranks.get(await positionOf(2))).toBe(2);
    expect(ranks.get(await positionOf(1))).toBe(1);
    expect(ranks.size).toBe(2);
  });

  it("a person offered a seat can say no thanks: the seat goes to the next in line at once", async () => {
    const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
    const a = await admin("decline");
    const seat = await enrol({ cohortId: cohort.id, input: input("dc-0"), now: NOW });
    const first = await enrol({ cohortId: cohort.id, input: input("dc-1"), now: NOW });
    const second = await enrol({ cohortId: cohort.id, input: input("dc-2"), now: NOW });
    await cancelEnrolment({ enrolmentId: seat.enrolmentId, reason: "Syg", actorUserId: a.id, now: new Date() });
    const offer = to(await deliver(), "ansoeger-dc-1@").find((m) => m.subject?.startsWith("Der er en plads til dig"))!;
    // The offer does not say "binding" on top of terms that already do.
    expect(offer.text!.match(/bindende/g)).toHaveLength(1);
    const token = tokenIn(offer.text!);
    expect(await getManagedEnrolment(token)).toMatchObject({ offerOpen: true, canLeaveWaitlist: true, canRequestCancellation: false });
    expect(await leaveWaitlist(token)).toEqual({ declinedOffer: true });
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: first.enrolmentId } })).status).toBe("CANCELLED");
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: second.enrolmentId } })).status).toBe("PENDING");
    expect(await prisma.auditLog.count({ where: { entityId: first.enrolmentId, action: "enrolment.offer_declined" } })).toBe(1);
  });
});

describe("'Send mit link igen' (item 6)", () => {
  it("mails a fresh link to the stored address, retires the old one, and answers alike for unknown addresses", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const r = await enrol({ cohortId: cohort.id, input: input("resend"), now: NOW });
    await deliver();
    const before = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } });

    await resendManageLink({ cohortId: cohort.id, email: "ansoeger-resend@kommune.example", ip: "198.51.100.7", now: NOW });
    await resendManageLink({ cohortId: cohort.id, email: "ukendt@kommune.example", ip: "198.51.100.7", now: NOW });
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(to(mails, "ansoeger-resend@")).toHaveLength(1);
    const fresh = tokenIn(mails[0]!.text!);
    expect(await getManagedEnrolment(r.manageToken!)).toBeNull();
    expect((await getManagedEnrolment(fresh))?.id).toBe(r.enrolmentId);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } })).manageTokenHash).not.toBe(before.manageTokenHash);
    expect(await prisma.auditLog.count({ where: { entityId: r.enrolmentId, action: "enrolment.manage_link_resent" } })).toBe(1);

    // Rate limited per address: the fourth request in an hour is refused, whoever asks.
    for (let i = 0; i < 2; i++) await resendManageLink({ cohortId: cohort.id, email: "ansoeger-resend@kommune.example", ip: `198.51.100.${10 + i}`, now: NOW });
    await expect(resendManageLink({ cohortId: cohort.id, email: "ansoeger-resend@kommune.example", ip: "198.51.100.20", now: NOW })).rejects.toThrow(/for mange gange/);
    await expect(resendManageLink({ cohortId: cohort.id, email: "ukendt@kommune.example", ip: "198.51.100.21", now: NOW })).resolves.toBeUndefined();
  });
});

describe("a colleague who takes over a seat (item 7)", () => {
  it("records that the sender gave the data, mails the privacy notice with their own link, and lets them correct it", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const r = await enrol({ cohortId: cohort.id, input: input("giver"), now: NOW });
    const own = await prisma.enrolment.findUniqueOrThrow({ where: { id: r.enrolmentId } });
    expect(own).toMatchObject({ privacyBasis: "APPLICANT", privacyAcceptedAt: NOW });
    await deliver();

    const colleague = ColleagueSchema.parse({ name: "Kolega Med Stavefejl", email: "kollega.item7@kommune.example", phone: "87654321", jobTitle: "Konsulent" });
    const { enrolmentId } = await sendColleague(r.manageToken!, colleague, NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ privacyBasis: "GIVEN_BY_COLLEAGUE", privacyAcceptedAt: null, replacesId: r.enrolmentId });

    const mails = await deliver();
    const theirs = to(mails, "kollega.item7@")[0]!;
    expect(theirs.text).toContain("Ansøger giver har givet os dit navn");
    expect(theirs.text).toContain("Du har ikke selv givet samtykke");
    expect(theirs.text).toContain("/privatliv");
    expect(theirs.html).toContain('<a href="http://localhost:3000/privatliv">');
    // The sender's calendar days are cancelled.
    expect(ics(to(mails, "ansoeger-giver@")[0]!, "aflyste-kursusdage.ics")).toContain("METHOD:CANCEL");

    const token = tokenIn(theirs.text!);
    expect(await getManagedEnrolment(token)).toMatchObject({ dataGivenBy: "Ansøger giver", canEditPerson: true });
    await updatePersonDetails(token, PersonDetailsSchema.parse({ name: "Kollega Uden Stavefejl", phone: "87 65 43 22", jobTitle: "Chefkonsulent" }));
    expect(await prisma.person.findUniqueOrThrow({ where: { email: "kollega.item7@kommune.example" } })).toMatchObject({ name: "Kollega Uden Stavefejl", phone: "87654322", jobTitle: "Chefkonsulent" });
    expect(await prisma.auditLog.count({ where: { action: "person.updated_by_participant", actorLabel: `participant:${enrolmentId}` } })).toBe(1);
  });

  it("an administrator's registration of a colleague is recorded the same way", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const a = await admin("sub7");
    const r = await enrol({ cohortId: cohort.id, input: input("giver2"), now: NOW });
    const { enrolmentId } = await registerSubstitution(r.enrolmentId, ColleagueSchema.parse({ name: "Anden Kollega", email: "anden.item7@kommune.example", phone: "12345678", jobTitle: "Leder" }), a.id, NOW);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ privacyBasis: "GIVEN_BY_COLLEAGUE", privacyAcceptedAt: null });
    await deliver();
  });
});

describe("the mails themselves (item 8)", () => {
  it("carry an HTML part with the same content, in Danish, escaped, from the programme's provider", async () => {
    const { cohort, programme } = await createCohortFixture(prisma);
    const r = await enrol({ cohortId: cohort.id, input: input("html", { name: "Åse <b>Fed</b> & Co" }), now: NOW });
    const [m] = await deliver();
    expect(m!.from!.value[0]).toMatchObject({ name: "KL", address: "tilmelding@stillads.invalid" });
    expect(m!.text).toContain("Kære Åse <b>Fed</b> & Co");
    expect(m!.text).toContain(`/tilmelding/${r.manageToken}`);
    const html = m!.html as string;
    expect(html).toContain('<html lang="da">');
    expect(html).toContain(`<h1 style="font-size: 1.4em;">Bekræftelse: ${programme.title}, ${cohort.name}</h1>`);
    expect(html).toContain("Kære Åse &lt;b&gt;Fed&lt;/b&gt; &amp; Co");
    expect(html).not.toContain("<b>Fed</b>");
    expect(html).toContain("<h2>Modul 1: Modul A</h2>");
    expect(html).toMatch(/<ul>\n<li>mandag den 6\. september 2027, kl\. 09\.00–16\.00<\/li>/);
    expect(html).toContain(`<a href="http://localhost:3000/tilmelding/${r.manageToken}">Din tilmelding</a>`);
    expect(html).toContain("<dt>Pris inkl. moms</dt>");
    // Every line of the text part's content is in the HTML part as well.
    const unescape = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ");
    const flat = (s: string) => s.replace(/:/g, "").replace(/\s+/g, " ");
    for (const line of m!.text!.split("\n").map((l) => l.replace(/^\s*- /, "").trim()).filter(Boolean)) {
      if (line.startsWith("http")) continue;
      expect(flat(unescape(html))).toContain(flat(line));
    }
  });
});
