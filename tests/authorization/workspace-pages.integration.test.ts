import { describe, expect, it } from "vitest";
import { session } from "@/tests/helpers/signed-in";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { hashToken, newToken } from "@/lib/tokens";
import { addItem, createWorkspace, setTeacherShare } from "@/lib/workspace/service";
import { ActivitySchema } from "@/lib/workspace/schemas";

// The cohort's workspace page refuses a teacher who does not teach the cohort (404, nothing shown)
// and anyone signed out; a teacher of the cohort sees counts but not an unshared workspace's content.

const { prisma } = currentTestDb();
const { default: Page } = await import("@/app/admin/hold/[id]/stillads/page");

/** The text and props of a server component's element tree (components in it are not rendered further). */
function textOf(node: unknown, seen = new Set<unknown>()): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (typeof node !== "object" || seen.has(node)) return "";
  seen.add(node);
  if (Array.isArray(node)) return node.map((n) => textOf(n, seen)).join(" ");
  const props = (node as { props?: Record<string, unknown> }).props;
  return Object.values(props ?? (node as Record<string, unknown>)).map((v) => textOf(v, seen)).join(" ");
}

async function render(cohortId: string): Promise<string> {
  try {
    const el = await Page({ params: Promise.resolve({ id: cohortId }) });
    return textOf(el);
  } catch (e) {
    return `refused: ${String((e as { digest?: string }).digest ?? (e as Error).message)}`;
  }
}

describe("the cohort's workspaces page", () => {
  it("is refused outside the teacher's cohorts and when signed out; shows counts only for unshared workspaces", async () => {
    const { cohort } = await createCohortFixture(prisma);
    const [enrolmentId] = await createParticipants(prisma, cohort.id, 1);
    const token = newToken();
    await prisma.enrolment.update({ where: { id: enrolmentId }, data: { manageTokenHash: hashToken(token) } });
    const ws = await createWorkspace(token, { title: "Hemmeligt stillads" }, new Date("2027-09-06T10:00:00Z"));
    await addItem(token, ws, { section: "ACTIVITY", data: ActivitySchema.parse({ text: "Skjult aktivitet", ownerName: "Åse", ownerRole: "Leder", dueOn: "2027-10-01" }) }, new Date("2027-09-06T10:00:00Z"));

    const teacher = await prisma.user.create({ data: { email: `t-${Date.now()}@stillads.invalid`, name: "T", role: "TEACHER", passwordHash: "x" } });
    session.userId = teacher.id;
    expect(await render(cohort.id)).toMatch(/^refused: NEXT_HTTP_ERROR_FALLBACK;404/);

    await prisma.cohortTeacher.create({ data: { cohortId: cohort.id, userId: teacher.id } });
    const html = await render(cohort.id);
    expect(html).not.toMatch(/^refused/);
    expect(html).toContain("Implementeringsstilladser");
    expect(html).not.toContain("Skjult aktivitet");
    expect(html).not.toContain("Hemmeligt stillads");

    // Once shared with the teachers, its content is there: the checks above could see it.
    await setTeacherShare(token, ws, true, new Date("2027-09-06T10:00:00Z"));
    expect(await render(cohort.id)).toContain("Skjult aktivitet");

    session.userId = null;
    expect(await render(cohort.id)).toMatch(/^refused: NEXT_REDIRECT.*log-ind/);
  });
});
