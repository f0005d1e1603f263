import "server-only";
import { db } from "../db";
import { FormError } from "../errors";
import { fieldErrors } from "../enrolment/schemas";
import { hashToken } from "../tokens";
import { answerSchemaFor, answersById, type AnswerQuestion } from "./schemas";
import { scrubInvitationVersion, storeResponse } from "./store";

// The participant's side: open a personal link, answer once. The link's token is the only credential.

export type InvitationView =
  | { state: "unknown" }
  | { state: "used" }
  | { state: "closed"; closesAt: Date }
  | {
      state: "open";
      title: string;
      programmeTitle: string;
      cohortName: string;
      moduleTitle: string | null;
      anonymous: boolean;
      closesAt: Date | null;
      questions: AnswerQuestion[];
    };

async function findInvitation(token: string) {
  // A token is 43 base64url characters; anything else cannot be one and is not looked up.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = hashToken(token);
  return db.evaluationInvitation.findFirst({
    where: { OR: [{ tokenHash: hash }, { reminderTokenHash: hash }] },
    select: { id: true, usedAt: true, formId: true },
  });
}

export async function getInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const invitation = await findInvitation(token);
  if (!invitation) return { state: "unknown" };
  if (invitation.usedAt) return { state: "used" };
  const form = await db.evaluationForm.findUniqueOrThrow({
    where: { id: invitation.formId },
    include: {
      questions: { orderBy: { position: "asc" } },
      module: { select: { title: true } },
      cohort: { select: { name: true, programme: { select: { title: true } } } },
    },
  });
  if (form.closesAt && form.closesAt <= now) return { state: "closed", closesAt: form.closesAt };
  return {
    state: "open",
    title: form.title,
    programmeTitle: form.cohort.programme.title,
    cohortName: form.cohort.name,
    moduleTitle: form.module?.title ?? null,
    anonymous: form.anonymous,
    closesAt: form.closesAt,
    questions: form.questions.map((q) => ({
      id: q.id, kind: q.kind, prompt: q.prompt, required: q.required, scaleMin: q.scaleMin, scaleMax: q.scaleMax,
      minLabel: q.minLabel, maxLabel: q.maxLabel, options: q.options,
    })),
  };
}

export class EvaluationLinkError extends FormError {
  constructor(
    readonly state: "unknown" | "used" | "closed",
    message: string,
  ) {
    super(message);
    this.name = "EvaluationLinkError";
  }
}

export const LINK_MESSAGES = {
  unknown: "Linket findes ikke. Tjek, at du har kopieret hele linket fra mailen.",
  used: "Linket er allerede brugt: evalueringen er besvaret. Tak for dit svar!",
  closed: "Svarfristen for evalueringen er overskredet, så der kan ikke længere svares.",
} as const;

/**
 * Validates the answers against the form's questions and stores them, once. The invitation row is
 * locked and re-checked inside the transaction, so two submits of one link store one response; the
 * form row is share-locked, so its questions cannot change underneath. Invalid input stores nothing.
 */
export async function submitEvaluation(token: string, raw: Record<string, unknown>, now = new Date()): Promise<{ anonymous: boolean }> {
  const view = await getInvitation(token, now);
  if (view.state !== "open") throw new EvaluationLinkError(view.state, LINK_MESSAGES[view.state]);
  const parsed = answerSchemaFor(view.questions).safeParse(raw);
  if (!parsed.success) throw new FormError("Ret de markerede svar.", fieldErrors(parsed.error));
  const answers = answersById(parsed.data as Record<string, number | string | undefined>);
  const hash = hashToken(token);

  const stored = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; formId: string; usedAt: Date | null }>>`
      SELECT id, "formId", "usedAt" FROM "EvaluationInvitation"
      WHERE "tokenHash" = ${hash} OR "reminderTokenHash" = ${hash}
      FOR UPDATE`;
    const invitation = rows[0];
    if (!invitation) throw new EvaluationLinkError("unknown", LINK_MESSAGES.unknown);
    if (invitation.usedAt) throw new EvaluationLinkError("used", LINK_MESSAGES.used);
    const forms = await tx.$queryRaw<Array<{ id: string; anonymous: boolean; closesAt: Date | null }>>`
      SELECT id, anonymous, "closesAt" FROM "EvaluationForm" WHERE id = ${invitation.formId} FOR SHARE`;
    const form = forms[0]!;
    if (form.closesAt && form.closesAt <= now) throw new EvaluationLinkError("closed", LINK_MESSAGES.closed);
    const questions = await tx.evaluationQuestion.findMany({ where: { formId: form.id }, select: { id: true, kind: true } });
    // The questions were read before the lock; a coordinator may have made a new version meanwhile.
    const current = new Set(questions.map((q) => q.id));
    if (view.questions.some((q) => !current.has(q.id))) throw new FormError("Spørgsmålene er netop blevet ændret. Genindlæs siden og svar igen.");
    await storeResponse(tx, { form, invitationId: invitation.id, questions, answers, now });
    return { invitationId: invitation.id, anonymous: form.anonymous };
  });
  if (stored.anonymous) await scrubInvitationVersion(db, stored.invitationId);
  return { anonymous: stored.anonymous };
}
