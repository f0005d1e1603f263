import "@/tests/helpers/signed-in";
import { beforeAll, describe, expect, it } from "vitest";
import { cohortAttendance } from "@/lib/attendance/queries";
import { auditLogPage } from "@/lib/audit/queries";
import type { StaffUser } from "@/lib/auth/session";
import { cohortList, cohortOverview, newCohortChoices } from "@/lib/cohorts/queries";
import { dashboardOverview } from "@/lib/dashboard/queries";
import { enrolmentOverview } from "@/lib/enrolment/queries";
import { cohortEvaluations, evaluationFormOverview, programmeEvaluations } from "@/lib/evaluations/queries";
import { programmeDetail, programmeList } from "@/lib/programmes/queries";
import { userDetail, userList } from "@/lib/users/queries";
import { venueDetail, venueList } from "@/lib/venues/queries";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";

// The named questions admin pages ask (lib/<domain>/queries.ts) apply the permission and the teacher
// scope themselves: checked here on what they return, without the page around them.

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-30T12:00:00Z");

let teacher: StaffUser;
let coordinator: StaffUser;
let admin: StaffUser;
let own: Awaited<ReturnType<typeof createCohortFixture>>;
let other: Awaited<ReturnType<typeof createCohortFixture>>;
let ownParticipants: string[] = [];

async function staff(role: StaffUser["role"], email: string, cohortId?: string): Promise<StaffUser> {
  const u = await prisma.user.create({ data: { email, name: role, role, passwordHash: "x", ...(cohortId ? { cohorts: { create: { cohortId } } } : {}) } });
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/** "403" when the call was refused with forbidden(), else what it returned. */
async function refused(call: () => Promise<unknown>): Promise<"403" | "allowed"> {
  try {
    await call();
    return "allowed";
  } catch (e) {
    if (String((e as { digest?: string }).digest ?? "").endsWith(";403")) return "403";
    throw e;
  }
}

beforeAll(async () => {
  // The teacher's cohort ran in the spring (its days have begun); the other one is still to come.
  own = await createCohortFixture(prisma, { firstDay: new Date("2026-03-02T08:00:00Z") });
  other = await createCohortFixture(prisma, { firstDay: new Date("2027-03-01T08:00:00Z") });
  await prisma.cohort.update({ where: { id: own.cohort.id }, data: { capacity: 2 } });
  ownParticipants = await createParticipants(prisma, own.cohort.id, 2);
  const [requester] = await createParticipants(prisma, other.cohort.id, 1);
  await prisma.enrolment.update({ where: { id: requester! }, data: { cancellationRequestedAt: NOW, cancellationRequestReason: "Syg" } });
  teacher = await staff("TEACHER", "laerer@stillads.invalid", own.cohort.id);
  coordinator = await staff("COORDINATOR", "koordinator@stillads.invalid");
  admin = await staff("ADMIN", "admin@stillads.invalid");
});

describe("cohort questions", () => {
  it("give a teacher only the cohorts they teach, and staff all of them", async () => {
    const mine = await cohortList(teacher, { q: "" });
    expect(mine.rows.map((c) => c.id)).toEqual([own.cohort.id]);
    expect(mine.total).toBe(1);
    const all = await cohortList(coordinator, {});
    expect(all.rows.map((c) => c.id).sort()).toEqual([own.cohort.id, other.cohort.id].sort());
    // Searching by programme title narrows, also within the teacher's scope.
    expect((await cohortList(coordinator, { q: other.programme.title.toUpperCase() })).rows.map((c) => c.id)).toEqual([other.cohort.id]);
    expect((await cohortList(teacher, { q: other.programme.title })).rows).toEqual([]);
    expect(await cohortList(coordinator, { side: "9999" })).toMatchObject({ page: 9999, pages: 1, rows: [] });
  });

  it("offer the new-cohort choices only to staff who may create cohorts", async () => {
    expect(await refused(() => newCohortChoices(teacher))).toBe("403");
    const { programmes, venues } = await newCohortChoices(coordinator);
    expect(programmes.find((p) => p.id === own.programme.id)?.modules.map((m) => m.title)).toEqual(["Modul A", "Modul B"]);
    expect(venues.find((v) => v.id === own.venue.id)?.name).toBe(`${own.venue.name}, Vej 1, 2300 København S`);
  });

  it("show a teacher the attendance of their own cohort only, read-only", async () => {
    expect(await cohortAttendance(teacher, other.cohort.id, undefined, NOW)).toBeNull();
    const days = await prisma.sessionDay.findMany({ where: { session: { cohortId: own.cohort.id } }, orderBy: { startsAt: "asc" } });
    await prisma.attendance.create({ data: { sessionDayId: days[0]!.id, enrolmentId: ownParticipants[0]!, status: "PRESENT" } });
    const latest = await cohortAttendance(teacher, own.cohort.id, undefined, NOW);
    // Without a chosen day: the latest day that has begun.
    expect(latest?.day?.id).toBe(days[1]!.id);
    expect(latest?.rows.map((r) => r.status)).toEqual([null, null]);
    expect(latest?.mayRecord).toBe(false);
    const first = await cohortAttendance(coordinator, own.cohort.id, days[0]!.id, NOW);
    expect(first?.rows.map((r) => r.status).sort()).toEqual(["PRESENT", null]);
    expect(first?.mayRecord).toBe(true);
    // A day that has not begun cannot be recorded by anyone.
    expect((await cohortAttendance(admin, other.cohort.id, undefined, NOW))?.mayRecord).toBe(false);
  });

  it("keep cancellation requests and failed mails off a teacher's dashboard", async () => {
    const t = await dashboardOverview(teacher, new Date("2026-01-01T00:00:00Z"));
    expect(t.staff).toBeNull();
    expect(new Set(t.upcoming.map((d) => d.session.cohortId))).toEqual(new Set([own.cohort.id]));
    expect(t.filling.map((c) => c.id)).toEqual([own.cohort.id]);
    const c = await dashboardOverview(coordinator, NOW);
    expect(c.staff?.requests.map((r) => [r.cohortId, r.cancellationRequestReason])).toEqual([[other.cohort.id, "Syg"]]);
    expect(c.upcoming.every((d) => d.session.cohortId === other.cohort.id)).toBe(true);
  });
});

describe("questions outside a role's permissions", () => {
  it("are refused, whoever asks for them", async () => {
    const asked = {
      programmeList: await refused(() => programmeList(teacher)),
      programmeDetail: await refused(() => programmeDetail(teacher, own.programme.id)),
      venueList: await refused(() => venueList(coordinator)),
      venueDetail: await refused(() => venueDetail(coordinator, own.venue.id)),
      userList: await refused(() => userList(coordinator)),
      userDetail: await refused(() => userDetail(coordinator, teacher.id)),
      auditLogPage: await refused(() => auditLogPage(teacher, {})),
      cohortEvaluations: await refused(() => cohortEvaluations(teacher, own.cohort.id)),
      evaluationFormOverview: await refused(() => evaluationFormOverview(teacher, "x")),
      programmeEvaluations: await refused(() => programmeEvaluations(teacher, own.programme.id)),
    };
    expect(Object.values(asked).every((r) => r === "403")).toBe(true);
    expect(await refused(() => venueList(admin))).toBe("allowed");
    expect(await refused(() => auditLogPage(coordinator, {}))).toBe("allowed");
  });

  it("say what the user may change", async () => {
    expect((await programmeList(coordinator)).mayCreate).toBe(false);
    expect((await programmeList(admin)).mayCreate).toBe(true);
    expect((await programmeDetail(coordinator, own.programme.id))?.mayUpdate).toBe(false);
    expect(await programmeDetail(admin, "findes-ikke")).toBeNull();
    expect((await cohortEvaluations(coordinator, own.cohort.id))?.mayCreate).toBe(true);
  });
});

describe("user questions", () => {
  it("tell disabled users from active ones and mark the viewer's own account", async () => {
    await prisma.user.update({ where: { id: coordinator.id }, data: { disabledAt: NOW } });
    const rows = await userList(admin);
    expect(Object.fromEntries(rows.map((u) => [u.email, u.access]))).toMatchObject({ "koordinator@stillads.invalid": "Spærret", "laerer@stillads.invalid": "Aktiv" });
    expect(JSON.stringify(rows)).not.toContain("passwordHash");
    const detail = await userDetail(admin, teacher.id);
    expect(detail?.user.cohortIds).toEqual([own.cohort.id]);
    expect(detail?.isSelf).toBe(false);
    expect((await userDetail(admin, admin.id))?.isSelf).toBe(true);
  });
});

describe("one cohort's page and one enrolment's page", () => {
  it("cohortOverview gives a teacher their own cohort with its roster, nothing of another, and no venues to move sessions to", async () => {
    const mine = await cohortOverview(teacher, own.cohort.id, {});
    expect(mine?.cohort.id).toBe(own.cohort.id);
    expect(mine?.roster.rows.map((r) => r.id).sort()).toEqual([...ownParticipants].sort());
    expect(mine?.sessions.length).toBeGreaterThan(0);
    expect(mine?.venues).toEqual([]);
    expect(await cohortOverview(teacher, other.cohort.id, {})).toBeNull();
    const staffView = await cohortOverview(coordinator, own.cohort.id, { status: "WAITLISTED", q: "  " });
    expect(staffView?.status).toBe("WAITLISTED");
    expect(staffView?.roster.rows).toEqual([]);
    expect(staffView?.venues.length).toBeGreaterThan(0);
    expect(await cohortOverview(coordinator, "findes-ikke", {})).toBeNull();
  });

  it("enrolmentOverview applies the teacher's scope and gives a waitlisted person's rank", async () => {
    const asTeacher = await enrolmentOverview(teacher, ownParticipants[0]!);
    expect(asTeacher?.enrolment.id).toBe(ownParticipants[0]);
    expect(asTeacher).toMatchObject({ mayUpdate: false, moveTargets: [], hasCertificate: false, rank: null });
    const [waiting] = await createParticipants(prisma, other.cohort.id, 1, "WAITLISTED");
    expect(await enrolmentOverview(teacher, waiting!)).toBeNull();
    expect(await enrolmentOverview(coordinator, waiting!)).toMatchObject({ mayUpdate: true, active: true, rank: 1 });
  });
});
