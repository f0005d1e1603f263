import { describe, expect, it } from "vitest";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { pdfText } from "@/tests/helpers/pdf-text";
import { FormError } from "../errors";
import { hashToken, newToken } from "../tokens";
import { workspacePdf } from "./pdf";
import { sharedWorkspace, workspaceList, workspaceView } from "./queries";
import { ActivitySchema } from "./schemas";
import { addItem, createWorkspace, moveItem, removeItem, revokeShare, setTeacherShare, shareWithColleague, updateBasics, updateItem } from "./service";
import { staffWorkspaceOverview } from "./staff";

const { prisma } = currentTestDb();
// The fixture's module 1 is 2027-09-06 07:00–14:00 UTC; module 2 starts 2027-09-13 07:00 UTC.
const DURING_M1 = new Date("2027-09-06T10:00:00Z");
const AFTER_M1 = new Date("2027-09-08T10:00:00Z");
const IN_M2 = new Date("2027-09-13T09:00:00Z");

async function participant(status: "CONFIRMED" | "WAITLISTED" | "COMPLETED" = "CONFIRMED", cohortId?: string) {
  const cid = cohortId ?? (await createCohortFixture(prisma)).cohort.id;
  const [id] = await createParticipants(prisma, cid, 1, status);
  const token = newToken();
  await prisma.enrolment.update({ where: { id }, data: { manageTokenHash: hashToken(token) } });
  return { token, enrolmentId: id!, cohortId: cid };
}

const activity = (text: string, owner = "Mette Hansen") => ({ section: "ACTIVITY" as const, data: ActivitySchema.parse({ text, ownerName: owner, ownerRole: "Teamleder", dueOn: "2027-10-01" }) });

async function texts(workspaceId: string, section: "ACTIVITY" | "BEHAVIOUR" = "ACTIVITY") {
  const rows = await prisma.workspaceItem.findMany({ where: { workspaceId, section }, orderBy: { position: "asc" } });
  return rows.map((r) => r.text);
}

describe("workspace lists", () => {
  it("adds, edits, reorders and removes entries, and stores each section's fields", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "Digital flytning" }, DURING_M1);
    await updateBasics(p.token, ws, { title: "Digital flytning", solution: "Selvbetjening", gain: "Færre opkald til Borgerservice" }, DURING_M1);
    const a = await addItem(p.token, ws, activity("Afklar data"), DURING_M1);
    const b = await addItem(p.token, ws, activity("Test med borgere"), DURING_M1);
    const c = await addItem(p.token, ws, activity("Lær kollegerne op"), DURING_M1);
    expect(await texts(ws)).toEqual(["Afklar data", "Test med borgere", "Lær kollegerne op"]);

    await moveItem(p.token, ws, c, "up", DURING_M1);
    expect(await texts(ws)).toEqual(["Afklar data", "Lær kollegerne op", "Test med borgere"]);
    await moveItem(p.token, ws, a, "up", DURING_M1); // already first: nothing moves
    await moveItem(p.token, ws, a, "down", DURING_M1);
    expect(await texts(ws)).toEqual(["Lær kollegerne op", "Afklar data", "Test med borgere"]);

    await updateItem(p.token, ws, b, activity("Test med ti borgere", "Jørgen Ørsted"), DURING_M1);
    await removeItem(p.token, ws, a, DURING_M1);
    expect(await texts(ws)).toEqual(["Lær kollegerne op", "Test med ti borgere"]);
    expect(await prisma.workspaceItem.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ ownerName: "Jørgen Ørsted", ownerRole: "Teamleder", dueOn: new Date("2027-10-01T00:00:00Z") });
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: ws } })).toMatchObject({ gain: "Færre opkald til Borgerservice", snapshotAt: null });
    expect(await prisma.auditLog.count({ where: { entityId: ws, actorLabel: `participant:${p.enrolmentId}` } })).toBe(9); // the move at the top changed nothing
  });

  it("the database refuses an activity without its one owner and an effect goal without a measure", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "X" }, DURING_M1);
    await expect(prisma.workspaceItem.create({ data: { workspaceId: ws, section: "ACTIVITY", position: 1, text: "Uden ejer", dueOn: new Date("2027-10-01") } })).rejects.toThrow();
    await expect(prisma.workspaceItem.create({ data: { workspaceId: ws, section: "EFFECT", position: 1, text: "Mål", followUpOn: new Date("2027-10-01") } })).rejects.toThrow();
    expect(await prisma.workspaceItem.count({ where: { workspaceId: ws } })).toBe(0);
    expect(ActivitySchema.safeParse({ text: "A", ownerName: "", ownerRole: "R", dueOn: "2027-02-31" }).error?.issues.map((i) => i.message)).toEqual([
      "Skriv ejerens navn",
      "Frist er ikke en gyldig dato",
    ]);
  });

  it("only the seat holder reaches a workspace: an unknown link, a waitlisted one and another participant's are refused", async () => {
    const p = await participant();
    const other = await participant("CONFIRMED", p.cohortId);
    const waiting = await participant("WAITLISTED", p.cohortId);
    const ws = await createWorkspace(p.token, { title: "Mit" }, DURING_M1);
    await expect(createWorkspace(waiting.token, { title: "Nej" }, DURING_M1)).rejects.toBeInstanceOf(FormError);
    await expect(createWorkspace(newToken(), { title: "Nej" }, DURING_M1)).rejects.toBeInstanceOf(FormError);
    await expect(addItem(other.token, ws, activity("Ind ad bagdøren"), DURING_M1)).rejects.toThrow("ikke dit");
    await expect(updateBasics(["x"], ws, { title: "a", solution: "", gain: "" }, DURING_M1)).rejects.toBeInstanceOf(FormError);
    expect(await workspaceView(other.token, ws, DURING_M1)).toBeNull();
    expect(await workspaceList(waiting.token)).toBeNull();
    expect(await prisma.workspace.count({ where: { enrolment: { cohortId: p.cohortId } } })).toBe(1);
    expect(await prisma.workspaceItem.count({ where: { workspaceId: ws } })).toBe(0);
  });
});

describe("snapshot at the end of module 1", () => {
  it("is the workspace as it stood when module 1 ended, even when first taken by a later change; module 2 shows what changed", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "Digital flytning" }, DURING_M1);
    const keep = await addItem(p.token, ws, activity("Afklar data"), DURING_M1);
    const change = await addItem(p.token, ws, activity("Test med borgere"), DURING_M1);
    const drop = await addItem(p.token, ws, activity("Skriv til ledelsen"), DURING_M1);
    expect((await workspaceView(p.token, ws, DURING_M1))?.snapshotAt).toBeNull();

    // The first thing after module 1 is a change: the snapshot is taken before it.
    await updateItem(p.token, ws, change, activity("Test med ti borgere"), AFTER_M1);
    const stored = await prisma.workspace.findUniqueOrThrow({ where: { id: ws } });
    expect(stored.snapshotAt).toEqual(new Date("2027-09-06T14:00:00Z"));
    expect((stored.snapshot as { items: Array<{ text: string }> }).items.map((i) => i.text)).toEqual(["Afklar data", "Test med borgere", "Skriv til ledelsen"]);

    await removeItem(p.token, ws, drop, AFTER_M1);
    const added = await addItem(p.token, ws, { section: "BEHAVIOUR", data: { who: "Sagsbehandlerne", text: "Henviser borgerne til selvbetjening", startsOn: "2027-11-01", evidence: "Færre opkald" } }, AFTER_M1);
    await moveItem(p.token, ws, keep, "down", AFTER_M1);

    const view = await workspaceView(p.token, ws, IN_M2);
    // Taken once: later reads and writes leave it alone.
    expect((view?.snapshot?.items ?? []).map((i) => i.text)).toEqual(["Afklar data", "Test med borgere", "Skriv til ledelsen"]);
    const d = view!.diff!;
    expect(d.sections.ACTIVITY.changed.map((c) => [c.before.text, c.after.text, c.fields])).toEqual([["Test med borgere", "Test med ti borgere", ["text"]]]);
    expect(d.sections.ACTIVITY.removed.map((i) => i.text)).toEqual(["Skriv til ledelsen"]);
    expect(d.sections.ACTIVITY.moved.map((i) => i.id)).toEqual([keep]);
    expect(d.sections.BEHAVIOUR.added.map((i) => i.id)).toEqual([added]);
    expect(d.sections.EFFECT).toEqual({ added: [], changed: [], removed: [], moved: [] });
  });

  it("a workspace started after module 1 counts everything in it as added", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "Sent startet" }, AFTER_M1);
    await addItem(p.token, ws, activity("Første skridt"), AFTER_M1);
    const view = await workspaceView(p.token, ws, IN_M2);
    expect(view?.snapshot?.items).toEqual([]);
    expect(view?.diff?.sections.ACTIVITY.added.map((i) => i.text)).toEqual(["Første skridt"]);
    expect(view?.diff?.basics).toEqual(["title"]);
  });
});

describe("sharing", () => {
  it("mails a colleague in the same organisation a read-only link that stops working when revoked", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "Digital flytning" }, DURING_M1);
    await expect(shareWithColleague(p.token, ws, { colleagueName: "Ude", colleagueEmail: "ude@andet.example" }, DURING_M1)).rejects.toMatchObject({
      fieldErrors: { colleagueEmail: expect.stringContaining("@kommune.example") },
    });
    const shareId = await shareWithColleague(p.token, ws, { colleagueName: "Åse Ødegård", colleagueEmail: "aase@kommune.example" }, DURING_M1);
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `workspace-share:${shareId}` } });
    expect(mail.toAddress).toBe("aase@kommune.example");
    const token = /\/stillads\/delt\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
    expect(token).toBeDefined();
    expect(await prisma.workspaceShare.findUniqueOrThrow({ where: { id: shareId } })).toMatchObject({ tokenHash: hashToken(token!), revokedAt: null });
    expect((await sharedWorkspace(token!))?.title).toBe("Digital flytning");

    await revokeShare(p.token, ws, shareId, DURING_M1);
    expect((await prisma.workspaceShare.findUniqueOrThrow({ where: { id: shareId } })).revokedAt).not.toBeNull();
    expect(await sharedWorkspace(token!)).toBeNull();
  });

  it("teachers see counts per section for everyone, content only of shared workspaces, and nothing of another cohort", async () => {
    const a = await participant();
    const b = await participant("CONFIRMED", a.cohortId);
    const wa = await createWorkspace(a.token, { title: "Delt stillads" }, DURING_M1);
    const wb = await createWorkspace(b.token, { title: "Hemmeligt stillads" }, DURING_M1);
    await addItem(a.token, wa, activity("Synlig aktivitet"), DURING_M1);
    await addItem(b.token, wb, activity("Skjult aktivitet"), DURING_M1);
    await addItem(b.token, wb, activity("Endnu en skjult"), DURING_M1);
    await setTeacherShare(a.token, wa, true, DURING_M1);

    const teacher = await prisma.user.create({ data: { email: `t-${Date.now()}@stillads.invalid`, name: "Underviser", role: "TEACHER", passwordHash: "x" } });
    await prisma.cohortTeacher.create({ data: { cohortId: a.cohortId, userId: teacher.id } });
    const o = await staffWorkspaceOverview(teacher, a.cohortId);
    expect(o?.sections.ACTIVITY).toEqual({ participants: 2, entries: 3 });
    expect(o?.shared.map((w) => w.title)).toEqual(["Delt stillads"]);
    expect(JSON.stringify(o)).not.toContain("Skjult aktivitet");
    expect(JSON.stringify(o)).not.toContain("Hemmeligt stillads");

    const elsewhere = await participant();
    expect(await staffWorkspaceOverview(teacher, elsewhere.cohortId)).toBeNull();

    await setTeacherShare(a.token, wa, false, DURING_M1);
    expect((await staffWorkspaceOverview(teacher, a.cohortId))?.shared).toEqual([]);
  });
});

describe("PDF", () => {
  it("holds the title, the sections and the entries with æøå", async () => {
    const p = await participant();
    const ws = await createWorkspace(p.token, { title: "Selvbetjening på flyttesager" }, DURING_M1);
    await addItem(p.token, ws, activity("Afklar dataadgang", "Jørgen Ørsted Ås"), DURING_M1);
    const out = await workspacePdf(p.token, ws, DURING_M1);
    const { text } = await pdfText(out!.pdf);
    for (const s of ["Selvbetjening på", "Aktiviteter", "Afklar dataadgang", "Jørgen Ørsted Ås (Teamleder)", "Effektmål og resultater"]) {
      expect(text).toContain(s);
    }
    expect(await workspacePdf(newToken(), ws, DURING_M1)).toBeNull();
  });
});

describe("the mail between the modules", () => {
  it("goes once, the programme's number of days before module 2, with a workspace link that opens the workspace", async () => {
    const { sendDueWorkspaceMails } = await import("./progress-mail");
    const p = await participant();
    const waiting = await participant("WAITLISTED", p.cohortId);
    const ws = await createWorkspace(p.token, { title: "Digital flytning" }, DURING_M1);
    const programme = await prisma.programme.findFirstOrThrow({ where: { cohorts: { some: { id: p.cohortId } } } });
    await prisma.programme.update({ where: { id: programme.id }, data: { workspaceMailDaysBefore: 3 } });
    const key = `workspace-progress:${p.enrolmentId}`;

    await sendDueWorkspaceMails(new Date("2027-09-09T10:00:00Z")); // four days before module 2: not yet
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: key } })).toBe(0);
    await sendDueWorkspaceMails(new Date("2027-09-10T08:00:00Z")); // three days before
    await sendDueWorkspaceMails(new Date("2027-09-11T08:00:00Z")); // again: nothing more
    const mails = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "workspace-progress:" }, textBody: { contains: programme.title } } });
    expect(mails.map((m) => m.dedupeKey)).toEqual([key]);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `workspace-progress:${waiting.enrolmentId}` } })).toBe(0);
    expect(await prisma.workspaceLink.count({ where: { enrolmentId: p.enrolmentId } })).toBe(1);

    const link = /\/stillads\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.textBody)?.[1];
    expect(link).toBeDefined();
    expect(link).not.toBe(p.token);
    expect(mails[0]!.textBody).toContain("Digital flytning");
    expect((await workspaceList(link!))?.workspaces.map((w) => w.id)).toEqual([ws]);
  });
});
