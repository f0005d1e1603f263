import { describe, expect, it } from "vitest";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { erasePerson, exportPerson } from "../privacy/people";
import { applyRetention } from "../privacy/retention";
import { hashToken, newToken } from "../tokens";
import { mintWorkspaceLink } from "./access";
import { ActivitySchema } from "./schemas";
import { addItem, createWorkspace, setTeacherShare, shareWithColleague } from "./service";

// Workspaces are the participant's personal data: in their export, gone with their erasure and with
// the retention run that anonymises a cohort's participants.

process.env.MAIL_DIR ??= `${process.env.TMPDIR ?? "/tmp"}/stillads-ws-privacy-${process.pid}`;
const { prisma } = currentTestDb();
const DURING = new Date("2027-09-06T10:00:00Z");

async function filledWorkspace() {
  const { cohort } = await createCohortFixture(prisma);
  const [enrolmentId] = await createParticipants(prisma, cohort.id, 1, "COMPLETED");
  const token = newToken();
  await prisma.enrolment.update({ where: { id: enrolmentId }, data: { manageTokenHash: hashToken(token) } });
  const ws = await createWorkspace(token, { title: "Digital flytning" }, DURING);
  await addItem(token, ws, { section: "ACTIVITY", data: ActivitySchema.parse({ text: "Afklar data", ownerName: "Åse Ørsted", ownerRole: "Teamleder", dueOn: "2027-10-01" }) }, DURING);
  const person = await prisma.person.findFirstOrThrow({ where: { enrolments: { some: { id: enrolmentId } } } });
  await shareWithColleague(token, ws, { colleagueName: "Kollega Kim", colleagueEmail: person.email.replace(/^[^@]+/, "kim") }, DURING);
  await setTeacherShare(token, ws, true, DURING);
  await prisma.$transaction((tx) => mintWorkspaceLink(tx, enrolmentId!, "progress"));
  return { enrolmentId: enrolmentId!, ws, person };
}

async function admin() {
  return prisma.user.create({ data: { email: `adm-${Date.now()}@stillads.invalid`, name: "Adm", role: "ADMIN", passwordHash: "x" } });
}

describe("workspaces as personal data", () => {
  it("are in the person's export, with their items and the colleagues they were shared with", async () => {
    const { person } = await filledWorkspace();
    const data = await exportPerson((await admin()).id, person.id, new Date("2028-01-01T00:00:00Z"));
    const [w] = data!.enrolments[0]!.workspaces;
    expect(w).toMatchObject({ title: "Digital flytning", items: [{ section: "ACTIVITY", text: "Afklar data", ownerName: "Åse Ørsted" }], sharedWithColleagues: [{ name: "Kollega Kim" }] });
    expect(JSON.stringify(data)).not.toContain("tokenHash");
  });

  it("go with the person's erasure, colleague links and mail links included; the audit entries keep only who and when", async () => {
    const { enrolmentId, ws, person } = await filledWorkspace();
    const counts = await erasePerson((await admin()).id, person.id, person.email, new Date("2028-01-01T00:00:00Z"));
    expect(counts).toMatchObject({ workspaces: 1, workspaceAuditEntries: 2 });
    expect(await prisma.workspace.count({ where: { enrolmentId } })).toBe(0);
    expect(await prisma.workspaceItem.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await prisma.workspaceShare.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await prisma.workspaceLink.count({ where: { enrolmentId } })).toBe(0);
    const left = await prisma.auditLog.findMany({ where: { entityType: "Workspace", entityId: ws } });
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((a) => a.before === null && a.after === null)).toBe(true);
  });

  it("go with the retention run that anonymises the cohort's participants", async () => {
    const { enrolmentId } = await filledWorkspace();
    const report = await applyRetention(prisma, new Date("2031-06-01T00:00:00Z"));
    expect(report.participantData.workspaces).toBeGreaterThanOrEqual(1);
    expect(await prisma.workspace.count({ where: { enrolmentId } })).toBe(0);
    expect(await prisma.workspaceLink.count({ where: { enrolmentId } })).toBe(0);
  });
});
