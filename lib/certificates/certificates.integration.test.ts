import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { session } from "@/tests/helpers/signed-in";
import type { ParsedMail } from "mailparser";
import { renderToStaticMarkup } from "react-dom/server";
import { recordAttendance } from "@/lib/attendance/service";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { deliverDueMail } from "@/lib/mail/worker";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { seedCertificates } from "@/prisma/seed/certificates";
import { fakeSmtpServer } from "@/tests/helpers/fake-smtp";
import { pdfText } from "@/tests/helpers/pdf-text";
import { currentTestDb } from "@/tests/helpers/test-db";
import { checkCertificate, managedCertificatePdf, sendDueCertificates } from "./service";

vi.mock("next/headers", async () => ({ headers: async () => new Headers({ "x-stillads-peer": "127.0.0.1" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), connection: vi.fn(async () => {}) }));

/** The public verification page's HTML for a code, as a visitor gets it. */
async function verificationPage(code: string): Promise<string> {
  const { default: Page } = await import("@/app/(public)/kursusbevis/[code]/page");
  return renderToStaticMarkup(await Page({ params: Promise.resolve({ code }) }));
}

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");
const AFTER = new Date("2027-09-20T10:00:00Z");
const NAME = "Søren Ærø Ågård";

const received: ParsedMail[] = [];
const smtp = fakeSmtpServer(async (m) => void received.push(m));
beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

async function completedParticipant(tag: string) {
  const { cohort, programme } = await createCohortFixture(prisma);
  const admin = await prisma.user.create({ data: { email: `a-${tag}-${cohort.slug}@stillads.invalid`, name: "A", role: "ADMIN", passwordHash: "x" } });
  const e = await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`${tag}-${cohort.slug}`, { name: NAME })), now: NOW });
  const days = await prisma.sessionDay.findMany({ where: { session: { cohortId: cohort.id } }, orderBy: { startsAt: "asc" } });
  for (const d of days) await recordAttendance({ sessionDayId: d.id, marks: [{ enrolmentId: e.enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
  return { cohort, programme, admin, enrolmentId: e.enrolmentId, days, token: e.manageToken! };
}

async function adminDownload(enrolmentId: string) {
  const { GET } = await import("@/app/admin/tilmeldinger/[id]/kursusbevis/route");
  return GET(new Request(`http://x/admin/tilmeldinger/${enrolmentId}/kursusbevis`), { params: Promise.resolve({ id: enrolmentId }) });
}

describe("kursusbevis", () => {
  it("is issued once when attendance completes an enrolment, and downloads for an administrator as a PDF with the name and programme", async () => {
    const { admin, enrolmentId, days, programme } = await completedParticipant("issue");
    const cert = await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } });
    expect(cert).toMatchObject({ revokedAt: null, mailedAt: null, issuedAt: AFTER });
    // Recording the same day again keeps the one certificate and its code.
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
    expect(await prisma.certificate.findMany({ where: { enrolmentId } })).toEqual([cert]);

    session.userId = admin.id;
    const res = await adminDownload(enrolmentId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain(NAME);
    expect(text).toContain(programme.title);
    expect(text).toContain(cert.code);
    expect(text).toContain(`/kursusbevis/${cert.code}`);

    const check = await checkCertificate(cert.code.toLowerCase());
    expect(check).toMatchObject({ state: "valid", name: NAME, programme: programme.title });
    const html = await verificationPage(cert.code);
    expect(html).toContain("Kursusbeviset er gyldigt.");
    expect(html).toContain(`data-testid="certificate-name">${NAME}<`);
    expect(html).toContain(programme.title);
    expect(html).toContain("20. september 2027");
    // Nothing else about the person: not the e-mail, not the workplace.
    expect(html).not.toMatch(/@kommune\.example|Syddjurs/);
  });

  it("is revoked, not deleted, when the completion is undone, and reinstated with the same code", async () => {
    const { admin, enrolmentId, days, token } = await completedParticipant("revoke");
    const { code } = await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } });
    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "ABSENT" }] }, admin.id, AFTER);
    expect(await checkCertificate(code)).toMatchObject({ state: "revoked", name: NAME, revokedAt: AFTER });
    const html = await verificationPage(code);
    expect(html).toContain("Kursusbeviset er trukket tilbage");
    expect(html).not.toContain("gyldigt");
    session.userId = admin.id;
    expect((await adminDownload(enrolmentId)).status).toBe(404);
    expect(await managedCertificatePdf(token)).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: enrolmentId, action: "certificate.revoked" } })).toBe(1);

    await recordAttendance({ sessionDayId: days[1]!.id, marks: [{ enrolmentId, status: "PRESENT" }] }, admin.id, AFTER);
    expect(await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } })).toMatchObject({ code, revokedAt: null });
    expect(await managedCertificatePdf(token)).not.toBeNull();
  });

  it("answers nothing for an unknown or malformed code: the page is a 404", async () => {
    expect(await checkCertificate("ABCD-EFGH-JKMN-PQRS-TVWX")).toBeNull();
    expect(await checkCertificate("<script>")).toBeNull();
    await expect(verificationPage("ABCD-EFGH-JKMN-PQRS-TVWX")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("downloads behind the participant's own manage link, and not behind another value", async () => {
    const { token } = await completedParticipant("manage");
    const { GET } = await import("@/app/(public)/tilmelding/[token]/kursusbevis/route");
    const ok = await GET(new Request("http://x/"), { params: Promise.resolve({ token }) });
    expect(ok.status).toBe(200);
    expect((await pdfText(new Uint8Array(await ok.arrayBuffer()))).text).toContain(NAME);
    const bad = await GET(new Request("http://x/"), { params: Promise.resolve({ token: "x".repeat(43) }) });
    expect(bad.status).toBe(404);
    expect(await bad.text()).toBe("Der er intet gyldigt kursusbevis for denne tilmelding.");
  });

  it("is refused to teachers and to nobody signed in", async () => {
    const { enrolmentId, cohort } = await completedParticipant("scope");
    const teacher = await prisma.user.create({ data: { email: `t-${enrolmentId}@stillads.invalid`, name: "T", role: "TEACHER", passwordHash: "x" } });
    await prisma.cohortTeacher.create({ data: { cohortId: cohort.id, userId: teacher.id } });
    session.userId = teacher.id;
    await expect(adminDownload(enrolmentId)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    session.userId = null;
    await expect(adminDownload(enrolmentId)).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it("is mailed once as a PDF attachment through the outbox", async () => {
    const { enrolmentId } = await completedParticipant("mail");
    const person = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { person: { select: { email: true } } } });
    await sendDueCertificates(AFTER);
    await sendDueCertificates(AFTER);
    const rows = await prisma.outboxMessage.findMany({ where: { toAddress: person.person.email, dedupeKey: { startsWith: "certificate:" } } });
    expect(rows).toHaveLength(1);
    received.length = 0;
    await deliverDueMail({ transport: smtp.transport(), limit: 500 });
    const mail = received.find((m) => m.subject?.startsWith("Dit kursusbevis"))!;
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect((await pdfText(new Uint8Array(pdf.content))).text).toContain(NAME);
    expect(mail.text).toContain("/kursusbevis/");
  });

  it("is part of the person's data export (GDPR access)", async () => {
    const { admin, enrolmentId } = await completedParticipant("export");
    const { exportPerson } = await import("@/lib/privacy/people");
    const { personId } = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    const { code } = await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } });
    const data = await exportPerson(admin.id, personId, AFTER);
    expect(data!.enrolments).toMatchObject([{ id: enrolmentId, certificate: { code, revokedAt: null } }]);
  });

  it("is given by the seed to completed enrolments that lack one", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const { createParticipants } = await import("@/prisma/seed/fixtures");
    await createParticipants(prisma, cohort.id, 2, "COMPLETED");
    expect(await seedCertificates(prisma, { cohortId: cohort.id })).toBe(2);
    expect(await seedCertificates(prisma, { cohortId: cohort.id })).toBe(0);
    expect(await prisma.certificate.count({ where: { enrolment: { cohortId: cohort.id }, mailedAt: { not: null } } })).toBe(2);
  });
});
