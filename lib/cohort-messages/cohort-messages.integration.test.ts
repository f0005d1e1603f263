import { describe, expect, it, vi } from "vitest";
import { session } from "@/tests/helpers/signed-in";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { enrol } from "@/lib/enrolment/service";
import { applicant, createCohortFixture } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { CohortMessageSchema } from "./schemas";
import { messagePreview } from "./queries";
import { createDraft, sendMessage } from "./service";

vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), after: vi.fn() }));

const { prisma } = currentTestDb();
const NOW = new Date("2026-11-27T10:00:00Z");

async function setup(tag: string) {
  const { cohort } = await createCohortFixture(prisma, { capacity: 1 });
  const coordinator = await prisma.user.create({ data: { email: `k-${tag}-${cohort.slug}@stillads.invalid`, name: "K", role: "COORDINATOR", passwordHash: "x" } });
  await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`${tag}-seat-${cohort.slug}`, { name: "Åse Sæther" })), now: NOW });
  await enrol({ cohortId: cohort.id, input: EnrolmentSchema.parse(applicant(`${tag}-wait-${cohort.slug}`)), now: NOW });
  return { cohort, coordinator };
}
const messagesOf = (draftId: string) => prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `cohort-message:${draftId}:` } } });

describe("a message to a cohort", () => {
  it("goes once to each seat holder, however often it is sent, and is audited", async () => {
    const { cohort, coordinator } = await setup("seats");
    const draft = await createDraft(cohort.id, CohortMessageSchema.parse({ subject: "Husk madpakke", body: "Første afsnit.\n\nAndet afsnit." }), coordinator.id);
    const preview = await messagePreview({ id: coordinator.id, email: coordinator.email, name: coordinator.name, role: "COORDINATOR" }, cohort.id, draft.id);
    expect(preview!.recipients.map((r) => r.person.name)).toEqual(["Åse Sæther"]);
    expect(preview!.sample.text).toContain("Kære Åse Sæther\n\nFørste afsnit.\n\nAndet afsnit.");
    expect(await messagesOf(draft.id)).toHaveLength(0);

    expect(await sendMessage(cohort.id, draft.id, coordinator.id)).toEqual({ sent: 1, already: false });
    expect(await sendMessage(cohort.id, draft.id, coordinator.id)).toEqual({ sent: 1, already: true });
    const sent = await messagesOf(draft.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: "Husk madpakke" });
    expect(sent[0]!.textBody).toContain("Kære Åse Sæther");
    expect(await prisma.auditLog.count({ where: { entityId: cohort.id, action: "cohort.message_sent" } })).toBe(1);
  });

  it("reaches the waitlist too when chosen", async () => {
    const { cohort, coordinator } = await setup("wait");
    const draft = await createDraft(cohort.id, CohortMessageSchema.parse({ subject: "Nyt lokale", body: "Vi flytter.", includeWaitlist: "on" }), coordinator.id);
    await sendMessage(cohort.id, draft.id, coordinator.id);
    expect(await messagesOf(draft.id)).toHaveLength(2);
  });

  it("refuses an empty form with Danish messages and stores nothing", async () => {
    const { cohort, coordinator } = await setup("empty");
    const { previewMessageAction } = await import("@/app/admin/hold/[id]/besked/actions");
    session.userId = coordinator.id;
    const fd = new FormData();
    fd.set("subject", "  ");
    fd.set("body", "");
    const r = await previewMessageAction(cohort.id, null, fd);
    expect(r).toMatchObject({ ok: false, fieldErrors: { subject: "Skriv et emne", body: "Skriv selve beskeden" } });
    expect(await prisma.cohortMessage.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("is not shown to a teacher", async () => {
    const { cohort, coordinator } = await setup("teacher");
    const draft = await createDraft(cohort.id, CohortMessageSchema.parse({ subject: "x", body: "y" }), coordinator.id);
    await expect(messagePreview({ id: "t", email: "t@stillads.invalid", name: "T", role: "TEACHER" }, cohort.id, draft.id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
  });

  it("cannot be sent from another cohort's address", async () => {
    const a = await setup("a");
    const b = await setup("b");
    const draft = await createDraft(a.cohort.id, CohortMessageSchema.parse({ subject: "x", body: "y" }), a.coordinator.id);
    await expect(sendMessage(b.cohort.id, draft.id, b.coordinator.id)).rejects.toThrow("Beskeden findes ikke.");
    expect(await messagesOf(draft.id)).toHaveLength(0);
  });
});
