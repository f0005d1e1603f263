import { describe, expect, it } from "vitest";
import { createCohortFixture, createParticipants } from "@/prisma/seed/fixtures";
import { currentTestDb } from "@/tests/helpers/test-db";
import { FormError } from "../errors";
import { getPublicScores } from "./public-scores";
import { CHANGED_MESSAGE, EvaluationLinkError, getInvitation, submitEvaluation } from "./answer";
import { hashToken } from "../tokens";
import { addQuestion, createForm, createNewVersion, FROZEN_MESSAGE, moveQuestion, removeQuestion, updateFormSettings, updateQuestion } from "./forms";
import { inviteParticipants, remindNow, sendDueInvitations, sendDueReminders } from "./invitations";
import { publishScore, unpublishScore } from "./publish";
import { getFormResults, getProgrammeComparison } from "./results";
import { answerField, FormSettingsSchema, PublishScoreSchema, QuestionSchema } from "./schemas";
import { anonymisePeople, scrubEnrolments } from "../privacy/anonymise";

const { prisma } = currentTestDb();
// The fixture's sessions are on 6 and 13 September 2027 (one day each).
const BEFORE_END = new Date("2027-09-10T10:00:00Z");
const AFTER_END = new Date("2027-09-14T10:00:00Z");
const settings = (over: Record<string, unknown> = {}) =>
  FormSettingsSchema.parse({ title: "Evaluering af uddannelsen", anonymous: "on", autoInvite: "on", closesOn: "2027-10-31", reminderAfterDays: "7", ...over });

async function staff(tag: string) {
  return prisma.user.create({ data: { email: `koord-${tag}@stillads.invalid`, name: "Koordinator", role: "COORDINATOR", passwordHash: "x" } });
}

/** The tokens in the evaluation mails of the outbox, by recipient. */
async function tokensByRecipient(prefix = "evaluation-invitation:") {
  const mails = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } } });
  return new Map(mails.map((m) => [m.toAddress + "|" + m.dedupeKey, /\/evaluering\/([A-Za-z0-9_-]{43})/.exec(m.textBody)![1]!]));
}

async function tokensOfForm(formId: string, prefix = "evaluation-invitation:") {
  const ids = new Set((await prisma.evaluationInvitation.findMany({ where: { formId }, select: { id: true } })).map((i) => i.id));
  const all = await tokensByRecipient(prefix);
  return [...all.entries()].filter(([k]) => ids.has(k.split(prefix)[1]!)).map(([, t]) => t);
}

async function setup(opts: { participants?: number; anonymous?: boolean } = {}) {
  const fixture = await createCohortFixture(prisma);
  const user = await staff(fixture.cohort.id);
  const enrolmentIds = await createParticipants(prisma, fixture.cohort.id, opts.participants ?? 3);
  const form = await createForm(fixture.cohort.id, settings(opts.anonymous === false ? { anonymous: "" } : {}), user.id);
  const questions = await prisma.evaluationQuestion.findMany({ where: { formId: form.id }, orderBy: { position: "asc" } });
  const q = Object.fromEntries(questions.map((x) => [x.key, x]));
  return { ...fixture, user, enrolmentIds, form, questions, q };
}

/** Submits as the answer page does: with the id of the form the link currently opens. */
async function submitAs(token: string, input: Record<string, string>, at: Date) {
  const invitation = await prisma.evaluationInvitation.findFirst({ where: { OR: [{ tokenHash: hashToken(token) }, { reminderTokenHash: hashToken(token) }] } });
  return submitEvaluation(token, { formId: invitation?.formId ?? "", ...input }, at);
}

function answers(q: Record<string, { id: string }>, quality: number, extra: Record<string, string> = {}) {
  return {
    [answerField(q.content_quality!.id)]: String(quality),
    [answerField(q.content_relevance!.id)]: "8",
    [answerField(q.delivery!.id)]: "9",
    ...extra,
  };
}

describe("evaluation forms", () => {
  it("start from the default template and can be edited until the first response, then only versioned", async () => {
    const s = await setup();
    expect(s.questions.map((q) => [q.key, q.kind, q.required])).toEqual([
      ["content_quality", "SCALE", true],
      ["content_relevance", "SCALE", true],
      ["delivery", "SCALE", true],
      ["do_differently", "FREE_TEXT", false],
      ["comments", "FREE_TEXT", false],
    ]);
    const choice = await addQuestion(s.form.id, QuestionSchema.parse({ kind: "SINGLE_CHOICE", prompt: "Hvilket modul var bedst?", options: "Modul A\nModul B\n", required: "on" }), s.user.id);
    expect(choice).toMatchObject({ key: "q6", position: 6, options: ["Modul A", "Modul B"] });
    await moveQuestion(choice.id, -1, s.user.id);
    await updateQuestion(s.q.comments!.id, QuestionSchema.parse({ kind: "FREE_TEXT", prompt: "Øvrige bemærkninger", key: "comments" }), s.user.id);
    await removeQuestion(s.q.do_differently!.id, s.user.id);
    const after = await prisma.evaluationQuestion.findMany({ where: { formId: s.form.id }, orderBy: { position: "asc" } });
    expect(after.map((q) => [q.position, q.key, q.prompt.slice(0, 12)])).toEqual([
      [1, "content_quality", "Hvordan vurd"],
      [2, "content_relevance", "Hvor relevan"],
      [3, "delivery", "Hvordan vurd"],
      [4, "q6", "Hvilket modu"],
      [5, "comments", "Øvrige bemær"],
    ]);
    await expect(addQuestion(s.form.id, QuestionSchema.parse({ kind: "FREE_TEXT", prompt: "X", key: "comments" }), s.user.id)).rejects.toMatchObject({
      fieldErrors: { key: "Formularen har allerede et spørgsmål med denne nøgle" },
    });
    expect(await prisma.auditLog.count({ where: { actorUserId: s.user.id, action: { startsWith: "evaluation_" } } })).toBe(5);

    // One response freezes the questions.
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    await submitAs(token!, { ...answers(s.q, 9), [answerField(choice.id)]: "Modul B" }, AFTER_END);
    await expect(updateQuestion(s.q.delivery!.id, QuestionSchema.parse({ kind: "FREE_TEXT", prompt: "Ændret" }), s.user.id)).rejects.toThrow(FROZEN_MESSAGE);
    await expect(removeQuestion(s.q.delivery!.id, s.user.id)).rejects.toThrow(FROZEN_MESSAGE);
    await expect(addQuestion(s.form.id, QuestionSchema.parse({ kind: "FREE_TEXT", prompt: "Ny" }), s.user.id)).rejects.toThrow(FROZEN_MESSAGE);
    expect(await prisma.evaluationQuestion.count({ where: { formId: s.form.id } })).toBe(5);

    // A new version copies the questions and takes over the unused invitations (their links keep working).
    const v2 = await createNewVersion(s.form.id, s.user.id);
    expect(v2).toMatchObject({ version: 2, supersedesId: s.form.id });
    expect(await prisma.evaluationQuestion.count({ where: { formId: v2.id } })).toBe(5);
    expect(await prisma.evaluationInvitation.count({ where: { formId: s.form.id } })).toBe(1);
    expect(await prisma.evaluationInvitation.count({ where: { formId: v2.id, usedAt: null } })).toBe(2);
    await removeQuestion((await prisma.evaluationQuestion.findFirstOrThrow({ where: { formId: v2.id, key: "q6" } })).id, s.user.id);
    const [, second] = await tokensOfForm(v2.id);
    const view = await getInvitation(second!, AFTER_END);
    expect(view.state === "open" && view.questions.length).toBe(4);
    await expect(createNewVersion(s.form.id, s.user.id)).rejects.toThrow("allerede afløst");
    // Nobody who answered version 1 is invited to version 2.
    expect(await inviteParticipants(v2.id, s.user.id, AFTER_END)).toBe(0);
  });

  it("keep anonymity and the module fixed once participants are invited", async () => {
    const s = await setup();
    await updateFormSettings(s.form.id, settings({ anonymous: "", moduleId: s.programme.modules[0]!.id }), s.user.id);
    await expect(updateFormSettings(s.form.id, settings({ moduleId: "nope" }), s.user.id)).rejects.toMatchObject({ fieldErrors: { moduleId: "Vælg et modul, holdet har" } });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    await expect(updateFormSettings(s.form.id, settings({ moduleId: s.programme.modules[0]!.id }), s.user.id)).rejects.toBeInstanceOf(FormError);
    expect(await prisma.evaluationForm.findUniqueOrThrow({ where: { id: s.form.id } })).toMatchObject({ anonymous: false, moduleId: s.programme.modules[0]!.id });
  });
});

describe("invitations", () => {
  it("go to confirmed and completed participants once the sessions have ended, once, with a personal link", async () => {
    const s = await setup({ participants: 2 });
    await createParticipants(prisma, s.cohort.id, 1, "COMPLETED");
    await createParticipants(prisma, s.cohort.id, 1, "CANCELLED");
    await createParticipants(prisma, s.cohort.id, 1, "WAITLISTED");
    expect(await sendDueInvitations(BEFORE_END)).toBe(0);
    expect(await prisma.evaluationInvitation.count({ where: { formId: s.form.id } })).toBe(0);
    expect(await sendDueInvitations(AFTER_END)).toBe(3);
    expect(await sendDueInvitations(AFTER_END)).toBe(0);
    const invitations = await prisma.evaluationInvitation.findMany({ where: { formId: s.form.id }, include: { enrolment: true } });
    expect(invitations.map((i) => i.enrolment.status).sort()).toEqual(["COMPLETED", "CONFIRMED", "CONFIRMED"]);
    const tokens = await tokensOfForm(s.form.id);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `evaluation-invitation:${invitations[0]!.id}` } });
    expect(mail.subject).toBe("Evaluering af uddannelsen");
    expect(mail.textBody).toContain("kan bruges én gang");
    expect(mail.textBody).toContain("anonym");
    expect(mail.textBody).toContain("31. oktober 2027");
    // In the provider's name, with an HTML part that says the same (issue 12, item 8).
    expect(mail.fromName).toBe(s.programme.providerName);
    expect(mail.htmlBody).toContain('<html lang="da">');
    expect(mail.htmlBody).toMatch(/<a href="http:\/\/localhost:3000\/evaluering\/[A-Za-z0-9_-]{43}">Svar på evalueringen<\/a>/);
    expect(mail.htmlBody).toContain("kan bruges én gang");
    // Only the hash is stored.
    expect(invitations.some((i) => tokens.includes(i.tokenHash))).toBe(false);
  });

  it("for a module's form wait for that module's sessions only", async () => {
    const s = await setup({ participants: 1 });
    await updateFormSettings(s.form.id, settings({ moduleId: s.programme.modules[0]!.id }), s.user.id);
    expect(await sendDueInvitations(new Date("2027-09-06T06:00:00Z"))).toBe(0);
    expect(await sendDueInvitations(BEFORE_END)).toBe(1);
  });

  it("send one reminder to non-respondents after the form's days, whose new link works beside the first", async () => {
    const s = await setup({ participants: 2 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [first] = await tokensOfForm(s.form.id);
    await submitAs(first!, answers(s.q, 7), AFTER_END);
    // Other tests' forms share this database, so count what happened to this form's invitations.
    const reminded = () => prisma.evaluationInvitation.count({ where: { formId: s.form.id, reminderSentAt: { not: null } } });
    await sendDueReminders(new Date(AFTER_END.getTime() + 6 * 86_400_000));
    expect(await reminded()).toBe(0);
    await sendDueReminders(new Date(AFTER_END.getTime() + 7 * 86_400_000));
    expect(await reminded()).toBe(1);
    await sendDueReminders(new Date(AFTER_END.getTime() + 8 * 86_400_000));
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "evaluation-reminder:" }, textBody: { contains: "evaluering/" } } })).toBeGreaterThanOrEqual(1);
    expect(await remindNow(s.form.id, s.user.id, AFTER_END)).toBe(0);
    const [reminderToken] = await tokensOfForm(s.form.id, "evaluation-reminder:");
    const [, originalToken] = await tokensOfForm(s.form.id);
    expect((await getInvitation(originalToken!, AFTER_END)).state).toBe("open");
    await submitAs(reminderToken!, answers(s.q, 5), AFTER_END);
    expect((await getInvitation(originalToken!, AFTER_END)).state).toBe("used");
    expect(await prisma.evaluationResponse.count({ where: { formId: s.form.id } })).toBe(2);
  });
});

describe("answering", () => {
  it("stores nothing on invalid input and says which answer is wrong", async () => {
    const s = await setup({ participants: 1 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    const bad = [
      { ...answers(s.q, 9), [answerField(s.q.content_quality!.id)]: "11" },
      { ...answers(s.q, 9), [answerField(s.q.delivery!.id)]: "" },
      { ...answers(s.q, 9), [answerField(s.q.comments!.id)]: "x".repeat(4001) },
      { ...answers(s.q, 9), [answerField(s.q.content_relevance!.id)]: "7.5" },
    ];
    const messages = [];
    for (const input of bad) {
      const err = await submitAs(token!, input, AFTER_END).catch((e: FormError) => e);
      expect(err).toBeInstanceOf(FormError);
      messages.push(Object.values((err as FormError).fieldErrors)[0]);
    }
    expect(messages).toEqual(["Vælg et tal fra 1 til 10", "Vælg et svar", "Svaret må højst være 4000 tegn", "Vælg et tal fra 1 til 10"]);
    expect(await prisma.evaluationResponse.count({ where: { formId: s.form.id } })).toBe(0);
    expect(await prisma.evaluationInvitation.count({ where: { formId: s.form.id, usedAt: { not: null } } })).toBe(0);
  });

  it("accepts one response per link under concurrent submits", async () => {
    const s = await setup({ participants: 1 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => submitAs(token!, answers(s.q, i + 1), AFTER_END)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(EvaluationLinkError);
    expect(await prisma.evaluationResponse.count({ where: { formId: s.form.id } })).toBe(1);
    expect(await prisma.evaluationAnswer.count({ where: { response: { formId: s.form.id } } })).toBe(3);
    await expect(submitAs(token!, answers(s.q, 9), AFTER_END)).rejects.toMatchObject({ state: "used" });
  });

  it("refuses after the deadline and for unknown links, storing nothing", async () => {
    const s = await setup({ participants: 1 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    const late = new Date("2027-11-01T00:00:00Z");
    expect((await getInvitation(token!, late)).state).toBe("closed");
    await expect(submitAs(token!, answers(s.q, 9), late)).rejects.toMatchObject({ state: "closed" });
    await expect(submitAs("A".repeat(43), answers(s.q, 9), AFTER_END)).rejects.toMatchObject({ state: "unknown" });
    expect(await getInvitation("<script>", AFTER_END)).toEqual({ state: "unknown" });
    expect(await prisma.evaluationResponse.count({ where: { formId: s.form.id } })).toBe(0);
    expect(await sendDueReminders(new Date("2027-11-02T00:00:00Z"))).toBe(0);
  });

  it("leaves no stored path from an anonymous response to the person: no link, no shared time or id, not one transaction", async () => {
    const s = await setup({ participants: 2 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    const at = new Date("2027-09-15T13:47:12.345Z");
    await submitAs(token!, answers(s.q, 9, { [answerField(s.q.comments!.id)]: "Godt kursus" }), at);
    const response = await prisma.evaluationResponse.findFirstOrThrow({ where: { formId: s.form.id }, include: { answers: true } });
    const invitation = await prisma.evaluationInvitation.findFirstOrThrow({ where: { formId: s.form.id, usedAt: { not: null } } });
    expect(response.invitationId).toBeNull();
    expect(response.id).toMatch(/^[0-9a-f-]{36}$/);
    const day = new Date("2027-09-15T00:00:00Z");
    for (const t of [response.submittedAt, response.createdAt, response.updatedAt, invitation.usedAt, invitation.updatedAt, ...response.answers.flatMap((a) => [a.createdAt, a.updatedAt])]) {
      expect(t).toEqual(day);
    }
    for (const a of response.answers) expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    const [r] = await prisma.$queryRaw<Array<{ x: string }>>`SELECT xmin::text AS x FROM "EvaluationResponse" WHERE id = ${response.id}`;
    const [i] = await prisma.$queryRaw<Array<{ x: string }>>`SELECT xmin::text AS x FROM "EvaluationInvitation" WHERE id = ${invitation.id}`;
    expect(r!.x).not.toBe(i!.x);
    const results = await getFormResults(s.form.id);
    const comments = results!.questions.find((q) => q.key === "comments");
    expect(comments?.kind === "FREE_TEXT" && comments.texts).toEqual([{ text: "Godt kursus", name: null }]);
  });

  it("links a named form's response to the invitation", async () => {
    const s = await setup({ participants: 1, anonymous: false });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [token] = await tokensOfForm(s.form.id);
    await submitAs(token!, answers(s.q, 9, { [answerField(s.q.comments!.id)]: "Navngivet" }), AFTER_END);
    const response = await prisma.evaluationResponse.findFirstOrThrow({ where: { formId: s.form.id }, include: { invitation: { include: { enrolment: { include: { person: true } } } } } });
    expect(response.submittedAt).toEqual(AFTER_END);
    const results = await getFormResults(s.form.id);
    const comments = results!.questions.find((q) => q.key === "comments");
    expect(comments?.kind === "FREE_TEXT" && comments.texts).toEqual([{ text: "Navngivet", name: response.invitation!.enrolment.person.name }]);
  });
});

describe("results", () => {
  it("aggregate known answers: rate, mean, median, distribution, choices and texts", async () => {
    const s = await setup({ participants: 5 });
    const choice = await addQuestion(s.form.id, QuestionSchema.parse({ kind: "SINGLE_CHOICE", prompt: "Anbefaler du uddannelsen?", options: "Ja\nNej\nVed ikke", required: "" }), s.user.id);
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const tokens = await tokensOfForm(s.form.id);
    const qualities = [10, 9, 9, 6];
    for (const [i, quality] of qualities.entries()) {
      await submitAs(tokens[i]!, answers(s.q, quality, i < 3 ? { [answerField(choice.id)]: i === 2 ? "Nej" : "Ja" } : {}), AFTER_END);
    }
    const r = (await getFormResults(s.form.id))!;
    expect(r).toMatchObject({ invited: 5, responded: 4, responseRate: 0.8 });
    const quality = r.questions.find((q) => q.key === "content_quality")!;
    expect(quality).toMatchObject({ kind: "SCALE", n: 4, mean: 8.5, median: 9 });
    expect(quality.kind === "SCALE" && quality.distribution.filter((d) => d.count > 0)).toEqual([
      { value: 6, count: 1 }, { value: 9, count: 2 }, { value: 10, count: 1 },
    ]);
    expect(quality.kind === "SCALE" && quality.distribution).toHaveLength(10);
    expect(r.questions.find((q) => q.id === choice.id)).toMatchObject({ n: 3, counts: [{ option: "Ja", count: 2 }, { option: "Nej", count: 1 }, { option: "Ved ikke", count: 0 }] });
    expect(r.questions.find((q) => q.key === "comments")).toMatchObject({ n: 0, texts: [] });

    const comparison = await getProgrammeComparison(s.programme.id);
    expect(comparison.cohorts).toEqual([{ id: s.cohort.id, name: s.cohort.name, invited: 5, responded: 4, scores: { content_quality: { mean: 8.5, n: 4 }, content_relevance: { mean: 8, n: 4 }, delivery: { mean: 9, n: 4 } } }]);
  });
});

describe("publishing", () => {
  it("shows a chosen question's mean on the public page, updated by the next response", async () => {
    const s = await setup({ participants: 2 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const tokens = await tokensOfForm(s.form.id);
    await submitAs(tokens[0]!, answers(s.q, 10), AFTER_END);
    expect(await getPublicScores(s.programme.id)).toEqual([]);
    const score = await publishScore(s.programme.id, PublishScoreSchema.parse({ questionKey: "content_quality", cohortId: s.cohort.id, label: "Kvalitet af indhold", position: "1" }), s.user.id);
    await publishScore(s.programme.id, PublishScoreSchema.parse({ questionKey: "delivery", cohortId: "", label: "Formidling", position: "2" }), s.user.id);
    expect(await getPublicScores(s.programme.id)).toMatchObject([
      { questionKey: "content_quality", mean: 10, responses: 1, cohortName: s.cohort.name },
      { questionKey: "delivery", mean: 9, responses: 1, cohortName: null, cohortCount: 1 },
    ]);
    await submitAs(tokens[1]!, answers(s.q, 7), AFTER_END);
    expect((await getPublicScores(s.programme.id))[0]).toMatchObject({ mean: 8.5, responses: 2 });

    await expect(publishScore(s.programme.id, PublishScoreSchema.parse({ questionKey: "delivery", cohortId: "", label: "Igen", position: "3" }), s.user.id)).rejects.toMatchObject({
      fieldErrors: { questionKey: "Dette spørgsmål er allerede offentliggjort for det valgte hold" },
    });
    await expect(publishScore(s.programme.id, PublishScoreSchema.parse({ questionKey: "comments", cohortId: "", label: "Kommentarer", position: "3" }), s.user.id)).rejects.toBeInstanceOf(FormError);
    await unpublishScore(s.programme.id, score.id, s.user.id);
    expect((await getPublicScores(s.programme.id)).map((p) => p.questionKey)).toEqual(["delivery"]);
    expect(await prisma.auditLog.count({ where: { entityType: "PublishedScore" } })).toBe(3);
  });
});

describe("the running totals behind the public page", () => {
  it("match the stored answers after single, bulk and cascaded changes", async () => {
    const s = await setup({ participants: 3 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const tokens = await tokensOfForm(s.form.id);
    for (const [i, quality] of [10, 7, 4].entries()) await submitAs(tokens[i]!, answers(s.q, quality), AFTER_END);
    const truth = async () =>
      (await prisma.$queryRaw<Array<{ n: bigint; total: bigint | null }>>`
        SELECT COUNT(*) AS n, SUM("scaleValue") AS total FROM "EvaluationAnswer" WHERE "questionId" = ${s.q.content_quality!.id}`)[0]!;
    const stat = () => prisma.evaluationQuestionStat.findUniqueOrThrow({ where: { questionId: s.q.content_quality!.id } });
    expect(await stat()).toMatchObject({ answers: 3, total: 21n });

    // A bulk statement, an update and a cascaded delete (a response removed with its answers).
    const response = await prisma.evaluationResponse.create({ data: { formId: s.form.id } });
    await prisma.evaluationAnswer.createMany({ data: [{ responseId: response.id, questionId: s.q.content_quality!.id, scaleValue: 1 }, { responseId: response.id, questionId: s.q.delivery!.id, scaleValue: 2 }] });
    await prisma.evaluationAnswer.updateMany({ where: { responseId: response.id, questionId: s.q.content_quality!.id }, data: { scaleValue: 3 } });
    expect(await stat()).toMatchObject({ answers: 4, total: 24n });
    const victim = await prisma.evaluationAnswer.findFirstOrThrow({ where: { questionId: s.q.content_quality!.id, scaleValue: 10 } });
    await prisma.evaluationResponse.delete({ where: { id: victim.responseId } });
    const t = await truth();
    expect(await stat()).toMatchObject({ answers: Number(t.n), total: t.total });
    expect(await stat()).toMatchObject({ answers: 3, total: 14n });
  });
});

describe("the counts behind coordinators' results", () => {
  // What getFormResults read before the counts: the answers themselves, aggregated in SQL.
  async function recount(formId: string) {
    const [scale, values, choices, texts] = await Promise.all([
      prisma.$queryRaw<Array<{ questionId: string; n: bigint; mean: number | null; median: number | null }>>`
        SELECT a."questionId", COUNT(*) AS n, AVG(a."scaleValue")::float8 AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY a."scaleValue")::float8 AS median
        FROM "EvaluationAnswer" a JOIN "EvaluationQuestion" q ON q.id = a."questionId" WHERE q."formId" = ${formId} AND a."scaleValue" IS NOT NULL GROUP BY a."questionId"`,
      prisma.$queryRaw<Array<{ questionId: string; value: number; count: bigint }>>`
        SELECT a."questionId", a."scaleValue" AS value, COUNT(*) AS count
        FROM "EvaluationAnswer" a JOIN "EvaluationQuestion" q ON q.id = a."questionId" WHERE q."formId" = ${formId} AND a."scaleValue" IS NOT NULL GROUP BY 1, 2`,
      prisma.$queryRaw<Array<{ questionId: string; choice: string; count: bigint }>>`
        SELECT a."questionId", a.choice, COUNT(*) AS count
        FROM "EvaluationAnswer" a JOIN "EvaluationQuestion" q ON q.id = a."questionId" WHERE q."formId" = ${formId} AND a.choice IS NOT NULL GROUP BY 1, 2`,
      prisma.$queryRaw<Array<{ questionId: string; n: bigint }>>`
        SELECT a."questionId", COUNT(*) AS n FROM "EvaluationAnswer" a JOIN "EvaluationQuestion" q ON q.id = a."questionId" WHERE q."formId" = ${formId} AND a.text IS NOT NULL GROUP BY 1`,
    ]);
    return { scale, values, choices, texts };
  }

  /** The trigger-kept counts (and the results made from them) agree with a recount of the answers. */
  async function expectCountsMatch(formId: string) {
    const truth = await recount(formId);
    const questionIds = (await prisma.evaluationQuestion.findMany({ where: { formId }, select: { id: true } })).map((q) => q.id);
    const stored = await prisma.evaluationScaleCount.findMany({ where: { questionId: { in: questionIds }, count: { gt: 0 } } });
    const storedChoices = await prisma.evaluationChoiceCount.findMany({ where: { questionId: { in: questionIds }, count: { gt: 0 } } });
    const key = (r: { questionId: string; count: bigint | number }, v: string | number) => `${r.questionId}|${v}|${Number(r.count)}`;
    expect(stored.map((r) => key(r, r.value)).sort()).toEqual(truth.values.map((r) => key(r, r.value)).sort());
    expect(storedChoices.map((r) => key(r, r.choice)).sort()).toEqual(truth.choices.map((r) => key(r, r.choice)).sort());
    const results = (await getFormResults(formId))!;
    for (const q of results.questions) {
      if (q.kind === "SCALE") {
        const t = truth.scale.find((x) => x.questionId === q.id);
        expect({ q: q.key, n: q.n, mean: q.mean, median: q.median }).toEqual({ q: q.key, n: Number(t?.n ?? 0), mean: t ? expect.closeTo(t.mean!, 12) : null, median: t?.median ?? null });
      } else if (q.kind === "SINGLE_CHOICE") {
        expect(q.n).toBe(truth.choices.filter((c) => c.questionId === q.id).reduce((n, c) => n + Number(c.count), 0));
      } else {
        expect(q.n).toBe(Number(truth.texts.find((x) => x.questionId === q.id)?.n ?? 0));
      }
    }
    return results;
  }

  it("match a recount after inserts, edits, deletes and anonymised people", async () => {
    const s = await setup({ participants: 5, anonymous: false });
    const choice = await addQuestion(s.form.id, QuestionSchema.parse({ kind: "SINGLE_CHOICE", prompt: "Hvilket modul var bedst?", options: "Modul A\nModul B\n", required: "" }), s.user.id);
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const tokens = await tokensOfForm(s.form.id);
    for (const [i, quality] of [10, 7, 4, 7].entries()) {
      await submitAs(tokens[i]!, answers(s.q, quality, { [answerField(choice.id)]: i % 2 ? "Modul B" : "Modul A", [answerField(s.q.comments!.id)]: `Svar ${i}` }), AFTER_END);
    }
    const first = await expectCountsMatch(s.form.id);
    expect(first.questions.find((q) => q.key === "content_quality")).toMatchObject({ n: 4, mean: 7, median: 7 });
    expect(first.questions.find((q) => q.key === choice.key)).toMatchObject({ n: 4, counts: [{ option: "Modul A", count: 2 }, { option: "Modul B", count: 2 }] });

    // A bulk insert, edits that move answers between values and options, a single delete and a
    // cascaded one (a response removed with its answers).
    const response = await prisma.evaluationResponse.create({ data: { formId: s.form.id } });
    await prisma.evaluationAnswer.createMany({
      data: [
        { responseId: response.id, questionId: s.q.content_quality!.id, scaleValue: 1 },
        { responseId: response.id, questionId: s.q.delivery!.id, scaleValue: 2 },
        { responseId: response.id, questionId: choice.id, choice: "Modul B" },
        { responseId: response.id, questionId: s.q.comments!.id, text: "Tilføjet" },
      ],
    });
    await expectCountsMatch(s.form.id);
    await prisma.evaluationAnswer.updateMany({ where: { questionId: s.q.content_quality!.id, scaleValue: 7 }, data: { scaleValue: 8 } });
    await prisma.evaluationAnswer.updateMany({ where: { questionId: choice.id, choice: "Modul A" }, data: { choice: "Modul C" } });
    await expectCountsMatch(s.form.id);
    await prisma.evaluationAnswer.deleteMany({ where: { questionId: s.q.delivery!.id, responseId: response.id } });
    const victim = await prisma.evaluationAnswer.findFirstOrThrow({ where: { questionId: s.q.content_quality!.id, scaleValue: 10 } });
    await prisma.evaluationResponse.delete({ where: { id: victim.responseId } });
    const edited = await expectCountsMatch(s.form.id);
    expect(edited.questions.find((q) => q.key === "content_quality")).toMatchObject({ n: 4, mean: 5.25, median: 6 });
    // An answer to an option since renamed is listed after the question's own options.
    expect(edited.questions.find((q) => q.key === choice.key)).toMatchObject({ n: 4, counts: [{ option: "Modul A", count: 0 }, { option: "Modul B", count: 3 }, { option: "Modul C", count: 1 }] });

    // Anonymising the people behind the responses (their invitations go) keeps every answer counted.
    const people = [...new Set((await prisma.enrolment.findMany({ where: { id: { in: s.enrolmentIds } } })).map((e) => e.personId))];
    await prisma.$transaction(async (tx) => {
      await scrubEnrolments(tx, s.enrolmentIds);
      await anonymisePeople(tx, people, AFTER_END);
    });
    expect(await prisma.evaluationInvitation.count({ where: { formId: s.form.id } })).toBe(0);
    const anonymised = await expectCountsMatch(s.form.id);
    expect(anonymised.questions.find((q) => q.key === "comments")).toMatchObject({ n: 4 });
    // Every figure stays; only the names by the comments go with the links to the people.
    const withoutNames = (r: typeof edited) => r.questions.map((q) => (q.kind === "FREE_TEXT" ? { ...q, texts: q.texts.map((t) => t.text).sort() } : q));
    expect(withoutNames(anonymised)).toEqual(withoutNames(edited));
    expect(edited.questions.find((q) => q.key === "comments")).toMatchObject({ texts: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) });
  });
});

describe("changes while a participant answers", () => {
  it("a new version after the page was shown: nothing stored, the link still works on the new version", async () => {
    const s = await setup({ participants: 2 });
    await inviteParticipants(s.form.id, s.user.id, AFTER_END);
    const [first, second] = await tokensOfForm(s.form.id);
    await submitAs(first!, answers(s.q, 9), AFTER_END);
    const shown = await getInvitation(second!, AFTER_END);
    expect(shown.state === "open" && shown.formId).toBe(s.form.id);
    const v2 = await createNewVersion(s.form.id, s.user.id);
    const typed = { formId: s.form.id, ...answers(s.q, 8) };
    await expect(submitEvaluation(second!, typed, AFTER_END)).rejects.toThrow(CHANGED_MESSAGE);
    expect(await prisma.evaluationResponse.count({ where: { formId: { in: [s.form.id, v2.id] } } })).toBe(1);
    const again = await getInvitation(second!, AFTER_END);
    expect(again.state === "open" && again.formId).toBe(v2.id);
    const q2 = Object.fromEntries((await prisma.evaluationQuestion.findMany({ where: { formId: v2.id } })).map((q) => [q.key, q]));
    await submitAs(second!, answers(q2, 8), AFTER_END);
    expect(await prisma.evaluationResponse.count({ where: { formId: v2.id } })).toBe(1);
    // Response rates count the whole family of versions.
    const r1 = (await getFormResults(s.form.id))!;
    const r2 = (await getFormResults(v2.id))!;
    expect([r1.invited, r1.responded, r2.invited, r2.responded]).toEqual([2, 2, 2, 2]);
  });

  it("no automatic invitation for a form created after the course days ended, nor for a form without questions", async () => {
    const s = await setup({ participants: 1 });
    // The form was created long before the days ended (the fixture's days are in 2027): a late one is made here.
    await prisma.evaluationForm.update({ where: { id: s.form.id }, data: { createdAt: new Date("2027-09-20T00:00:00Z") } });
    await sendDueInvitations(new Date("2027-09-21T00:00:00Z"));
    expect(await prisma.evaluationInvitation.count({ where: { formId: s.form.id } })).toBe(0);
    for (const q of s.questions) await removeQuestion(q.id, s.user.id);
    await expect(inviteParticipants(s.form.id, s.user.id, AFTER_END)).rejects.toThrow("ingen spørgsmål");
  });
});

