import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import { FormError } from "@/lib/errors";
import { fileTransport } from "@/lib/mail/transport";
import { messageIdFor } from "@/lib/mail/worker";
import { createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { erasePerson, exportPerson, findPerson, PrivacyAccessError } from "./people";

// The admin's access and erasure tools, through the service and through the action and route.
const session = vi.hoisted(() => ({ userId: null as string | null }));
// The file transport's folder for this file's .eml copies (read by env() on first use).
const mailDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/stillads-erase-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_DIR = dir;
  return dir;
});
vi.mock("next-auth", async (orig) => ({
  ...(await orig<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.userId ? { userId: session.userId } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const { prisma } = currentTestDb();
afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }));
const NOW = new Date("2026-11-27T10:00:00Z");
const DAY = 86_400_000;
const EMAIL = "hanne.hansen@kommune.example";

let adminId = "";
let coordinatorId = "";
let personId = "";
let enrolmentId = "";
let pastCohortId = "";

async function seedPerson(email: string, name: string) {
  const org = await prisma.organisation.create({ data: { name: `Kommune ${name}`, kind: "MUNICIPALITY" } });
  const { cohort } = await createCohortFixture(prisma, { status: "COMPLETED", firstDay: new Date(NOW.getTime() - 400 * DAY), opensAt: new Date(NOW.getTime() - 600 * DAY), closesAt: new Date(NOW.getTime() - 401 * DAY) });
  const day = await prisma.sessionDay.findFirstOrThrow({ where: { session: { cohortId: cohort.id } } });
  const person = await prisma.person.create({ data: { name, email, phone: "12345678", jobTitle: "Leder", organisationId: org.id } });
  const e = await prisma.enrolment.create({
    data: {
      cohortId: cohort.id, personId: person.id, organisationId: org.id, status: "COMPLETED", priceOre: 1_295_000, vatRateBp: 2500,
      invoiceEan: "5798000416604", invoiceAttention: `Att. ${name}`, invoiceReference: "PO-77", billingName: org.name,
      dietaryNeeds: "Glutenfri", accessibilityNeeds: "Teleslynge", termsAcceptedAt: NOW, termsVersion: "test-1", privacyAcceptedAt: NOW,
      manageTokenHash: `hash-${email}`, confirmedAt: NOW,
    },
  });
  await prisma.attendance.create({ data: { sessionDayId: day.id, enrolmentId: e.id, status: "PARTIAL", note: "Gik kl. 12" } });
  const form = await prisma.evaluationForm.create({
    data: { cohortId: cohort.id, title: "Evaluering af forløbet", anonymous: false, questions: { create: [{ position: 1, key: "comment", kind: "FREE_TEXT", prompt: "Kommentar" }] } },
    include: { questions: true },
  });
  const inv = await prisma.evaluationInvitation.create({ data: { formId: form.id, enrolmentId: e.id, tokenHash: `inv-${email}`, sentAt: NOW, usedAt: NOW } });
  await prisma.evaluationResponse.create({ data: { formId: form.id, invitationId: inv.id, answers: { create: [{ questionId: form.questions[0]!.id, text: "Godt forløb" }] } } });
  await prisma.auditLog.create({
    data: { actorLabel: `participant:${e.id}`, action: "enrolment.needs_updated", entityType: "Enrolment", entityId: e.id, before: { dietaryNeeds: null }, after: { dietaryNeeds: "Glutenfri" } },
  });
  await prisma.outboxMessage.create({ data: { dedupeKey: `enrolment-confirmed:${e.id}`, toAddress: email.toUpperCase(), subject: "Du er tilmeldt", textBody: `Hej ${name}`, status: "SENT", sentAt: NOW } });
  await prisma.rateLimitBucket.create({ data: { key: `enrol:email:${email}`, windowStart: NOW, count: 1 } });
  return { person, enrolment: e, cohort };
}

beforeAll(async () => {
  adminId = (await prisma.user.create({ data: { email: "admin@stillads.invalid", name: "Admin", role: "ADMIN", passwordHash: "x" } })).id;
  coordinatorId = (await prisma.user.create({ data: { email: "koord@stillads.invalid", name: "Koord", role: "COORDINATOR", passwordHash: "x" } })).id;
  const seeded = await seedPerson(EMAIL, "Hanne Hansen");
  personId = seeded.person.id;
  enrolmentId = seeded.enrolment.id;
  pastCohortId = seeded.cohort.id;
});

async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (e) {
    return String((e as { digest?: string }).digest ?? (e as Error).message);
  }
}

describe("finding and exporting a person", () => {
  it("finds the person by e-mail, in any case, and counts what is stored", async () => {
    const found = await findPerson(adminId, { email: " Hanne.Hansen@Kommune.example " });
    expect(found).toMatchObject({
      person: { id: personId, name: "Hanne Hansen", enrolments: [{ id: enrolmentId }] },
      counts: { attendance: 1, evaluationInvitations: 1, mails: 1, auditEntries: 1, rateLimits: 1 },
    });
    expect(await findPerson(adminId, { email: "ingen@kommune.example" })).toBeNull();
  });

  it("exports everything stored, without token hashes, and audits the export with counts only", async () => {
    const data = await exportPerson(adminId, personId, NOW);
    expect(data).toMatchObject({
      exportedAt: NOW.toISOString(),
      person: { id: personId, name: "Hanne Hansen", email: EMAIL, phone: "12345678", jobTitle: "Leder", organisation: { name: "Kommune Hanne Hansen" } },
      enrolments: [
        {
          id: enrolmentId, cohortId: pastCohortId, status: "COMPLETED", invoiceEan: "5798000416604", invoiceReference: "PO-77", dietaryNeeds: "Glutenfri",
          accessibilityNeeds: "Teleslynge", manageLinkActive: true, attendance: [{ status: "PARTIAL", note: "Gik kl. 12" }],
          evaluationInvitations: [{ form: "Evaluering af forløbet", response: { answers: [{ question: "Kommentar", text: "Godt forløb" }] } }],
        },
      ],
      mails: [{ subject: "Du er tilmeldt", text: "Hej Hanne Hansen", status: "SENT" }],
      auditLog: [{ action: "enrolment.needs_updated", after: { dietaryNeeds: "Glutenfri" } }],
      rateLimits: [{ key: `enrol:email:${EMAIL}`, count: 1 }],
    });
    expect(JSON.stringify(data)).not.toContain(`hash-${EMAIL}`);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "person.exported" } });
    expect(entry).toMatchObject({ actorUserId: adminId, entityType: "Person", entityId: personId, after: { enrolments: 1, mails: 1, auditEntries: 1 } });
    expect(JSON.stringify(entry)).not.toMatch(/hanne/i);
  });

  it("serves the export as a JSON download to an administrator through the route", async () => {
    const { GET } = await import("@/app/admin/personer/[id]/eksport/route");
    session.userId = adminId;
    const res = await GET(new Request("http://localhost/") as unknown as NextRequest, { params: Promise.resolve({ id: personId }) });
    const missing = await GET(new Request("http://localhost/") as unknown as NextRequest, { params: Promise.resolve({ id: "ingen" }) });
    session.userId = null;
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="person-${personId}.json"`);
    expect(await res.json()).toMatchObject({ person: { email: EMAIL }, enrolments: [{ id: enrolmentId }] });
    expect(missing.status).toBe(404);
  });
});

describe("refusing anyone but administrators", () => {
  it("refuses a coordinator in the service and in the action, changing nothing", async () => {
    const auditBefore = await prisma.auditLog.count();
    await expect(findPerson(coordinatorId, { email: EMAIL })).rejects.toBeInstanceOf(PrivacyAccessError);
    await expect(exportPerson(coordinatorId, personId)).rejects.toBeInstanceOf(PrivacyAccessError);
    await expect(erasePerson(coordinatorId, personId, EMAIL)).rejects.toBeInstanceOf(PrivacyAccessError);
    await expect(erasePerson("no-such-user", personId, EMAIL)).rejects.toBeInstanceOf(PrivacyAccessError);

    const { erasePersonAction, findPersonAction } = await import("@/app/admin/personer/actions");
    const fd = new FormData();
    fd.set("confirmEmail", EMAIL);
    fd.set("email", EMAIL);
    session.userId = coordinatorId;
    expect(await outcome(() => erasePersonAction(personId, null, fd))).toMatch(/;403$/);
    expect(await outcome(() => findPersonAction(null, fd))).toMatch(/;403$/);
    session.userId = null;

    expect(await prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({ name: "Hanne Hansen", anonymisedAt: null });
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });
});

describe("erasing a person", () => {
  it("is confirmed by typing the e-mail again", async () => {
    const err = await erasePerson(adminId, personId, "forkert@kommune.example", NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormError);
    expect((err as FormError).fieldErrors.confirmEmail).toBe("Skriv personens e-mail præcis, som den står ovenfor");

    const { erasePersonAction } = await import("@/app/admin/personer/actions");
    session.userId = adminId;
    const r = await erasePersonAction(personId, null, new FormData());
    session.userId = null;
    expect(r).toMatchObject({ ok: false, fieldErrors: { confirmEmail: "Skriv personens e-mail for at bekræfte" } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: personId } })).anonymisedAt).toBeNull();
  });

  it("is refused while the person holds a place on a cohort that has not ended", async () => {
    const { person, cohort } = await seedPerson("aktiv@kommune.example", "Aktiv Deltager");
    const future = await createCohortFixture(prisma, { firstDay: new Date(NOW.getTime() + 30 * DAY) });
    await prisma.enrolment.create({
      data: { cohortId: future.cohort.id, personId: person.id, status: "CONFIRMED", priceOre: 0, vatRateBp: 2500, termsAcceptedAt: NOW, termsVersion: "t", privacyAcceptedAt: NOW },
    });
    expect(cohort.id).not.toBe(future.cohort.id);
    await expect(erasePerson(adminId, person.id, "aktiv@kommune.example", NOW)).rejects.toThrow(
      "Personen har en aktiv tilmelding til hold, der ikke er afsluttet. Annullér den først.",
    );
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).anonymisedAt).toBeNull();
  });

  it("anonymises the person by the retention rules, keeps the invoicing record, and audits ids and counts only", async () => {
    // Their mails as the file transport wrote them: one for their outbox row, one whose row the
    // retention run already deleted; and someone else's, which stays.
    const files = fileTransport(mailDir);
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: { equals: EMAIL, mode: "insensitive" } } });
    await files.send({ messageId: messageIdFor(row.id), from: "KL <x@stillads.invalid>", to: row.toAddress, subject: row.subject, text: row.textBody });
    await files.send({ messageId: "<outbox-gone@stillads.invalid>", from: "KL <x@stillads.invalid>", to: EMAIL, subject: "Gammel", text: "Hej" });
    await files.send({ messageId: "<outbox-other@stillads.invalid>", from: "KL <x@stillads.invalid>", to: "aktiv@kommune.example", subject: "Andens", text: "Hej" });
    expect(fs.readdirSync(mailDir)).toHaveLength(3);

    const { erasePersonAction } = await import("@/app/admin/personer/actions");
    const fd = new FormData();
    fd.set("confirmEmail", EMAIL.toUpperCase());
    session.userId = adminId;
    const redirected = await outcome(() => erasePersonAction(personId, null, fd));
    session.userId = null;
    expect(redirected).toContain(`/admin/personer?id=${personId}&slettet=1`);

    const person = await prisma.person.findUniqueOrThrow({ where: { id: personId } });
    expect(person).toMatchObject({ name: "Anonymiseret", email: `anonymiseret-${personId}@anonymiseret.invalid`, phone: null, jobTitle: null, organisationId: null });
    expect(person.anonymisedAt).not.toBeNull();
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({
      invoiceAttention: null, dietaryNeeds: null, accessibilityNeeds: null, manageTokenHash: null,
      organisationId: expect.any(String), invoiceEan: "5798000416604", invoiceReference: "PO-77", billingName: "Kommune Hanne Hansen", priceOre: 1_295_000, status: "COMPLETED",
    });
    expect(await prisma.attendance.findFirstOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "PARTIAL", note: null });
    expect(await prisma.evaluationInvitation.count({ where: { enrolmentId } })).toBe(0);
    expect(await prisma.evaluationResponse.findFirstOrThrow({ where: { form: { cohortId: pastCohortId } } })).toMatchObject({ invitationId: null });
    expect(await prisma.outboxMessage.count({ where: { toAddress: { equals: EMAIL, mode: "insensitive" } } })).toBe(0);
    expect(await prisma.rateLimitBucket.count({ where: { key: `enrol:email:${EMAIL}` } })).toBe(0);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "enrolment.needs_updated", entityId: enrolmentId } })).toMatchObject({ before: null, after: null });
    // The other person's data is untouched.
    expect(await prisma.person.findUniqueOrThrow({ where: { email: "aktiv@kommune.example" } })).toMatchObject({ name: "Aktiv Deltager" });

    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "person.erased" } });
    expect(entry).toMatchObject({
      actorUserId: adminId, entityType: "Person", entityId: personId,
      after: { enrolments: 1, attendanceNotes: 1, evaluationInvitations: 1, auditEntries: 1, mails: 1, mailFiles: 2, rateLimits: 1 },
    });
    // Only the other person's .eml file is left in MAIL_DIR.
    const left = fs.readdirSync(mailDir);
    expect(left).toHaveLength(1);
    expect(fs.readFileSync(`${mailDir}/${left[0]}`, "utf8")).toContain("To: aktiv@kommune.example");
    expect(JSON.stringify(entry)).not.toMatch(/hanne|glutenfri/i);

    await expect(erasePerson(adminId, personId, person.email, NOW)).rejects.toThrow("Personen er allerede anonymiseret.");
  });
});
