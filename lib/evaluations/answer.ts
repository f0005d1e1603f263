import "server-only";
import { db } from "../db";
import { FormError } from "../errors";
import { fieldErrors } from "../forms";
import { hashToken, isTokenShaped } from "../tokens";
import { answerSchemaFor, answersById, type AnswerQuestion } from "./schemas";
import { scrubInvitationVersion, storeResponse } from "./store";

// The participant's side: open a personal link, answer once. The link's token is the only credential.

export type InvitationView =
  | { state: "unknown" }
  | { state: "used" }
  | { state: "closed"; closesAt: Date }
  | {
      state: "open";
      /** The form shown; posted back so a submit after a new version is recognised. */
      formId: string;
      title: string;
      programmeTitle: string;
      cohortName: string;
      moduleTitle: string | null;
      anonymous: boolean;
      closesAt: Date | null;
      questions: AnswerQuestion[];
    };

async function findInvitation(token: unknown) {
  if (!isTokenShaped(token)) return null;
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
    formId: form.id,
    questions: form.questions.map(toAnswerQuestion),
  };
}

function toAnswerQuestion(q: AnswerQuestion & Record<string, unknown>): AnswerQuestion {
  return {
    id: q.id, kind: q.kind, prompt: q.prompt, required: q.required, scaleMin: q.scaleMin, scaleMax: q.scaleMax,
    minLabel: q.minLabel, maxLabel: q.maxLabel, options: q.options,
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

export const CHANGED_MESSAGE = "Spørgsmålene er blevet ændret, efter du åbnede siden. Dine svar er ikke gemt: genindlæs siden og svar igen.";

/**
 * Validates the answers against the form's questions and stores them, once. Locks are taken in the
 * order a coordinator's new version takes them (form, then invitation), so the two cannot deadlock:
 * the form row is share-locked, so its questions cannot change underneath; the invitation row is
 * locked and re-checked, so two submits of one link store one response. The answers are checked
 * against the locked questions, and the form the page showed (`formId`, a hidden field) must still be
 * the link's form. Invalid input stores nothing.
 */
export async function submitEvaluation(token: string, raw: Record<string, unknown>, now = new Date()): Promise<{ anonymous: boolean }> {
  const found = await findInvitation(token);
  if (!found) throw new EvaluationLinkError("unknown", LINK_MESSAGES.unknown);

  const stored = await db.$transaction(async (tx) => {
    const forms = await tx.$queryRaw<Array<{ id: string; anonymous: boolean; closesAt: Date | null }>>`
      SELECT id, anonymous, "closesAt" FROM "EvaluationForm" WHERE id = ${found.formId} FOR SHARE`;
    const form = forms[0];
    const rows = await tx.$queryRaw<Array<{ id: string; formId: string; usedAt: Date | null }>>`
      SELECT id, "formId", "usedAt" FROM "EvaluationInvitation" WHERE id = ${found.id} FOR UPDATE`;
    const invitation = rows[0];
    if (!invitation || !form) throw new EvaluationLinkError("unknown", LINK_MESSAGES.unknown);
    if (invitation.usedAt) throw new EvaluationLinkError("used", LINK_MESSAGES.used);
    // A new version took the link over between our two reads, or after the page was shown.
    if (invitation.formId !== form.id || raw.formId !== form.id) throw new FormError(CHANGED_MESSAGE);
    if (form.closesAt && form.closesAt <= now) throw new EvaluationLinkError("closed", LINK_MESSAGES.closed);
    const questions = await tx.evaluationQuestion.findMany({ where: { formId: form.id }, orderBy: { position: "asc" } });
    if (questions.length === 0) throw new FormError("Evalueringen har ingen spørgsmål endnu. Prøv igen senere.");
    const parsed = answerSchemaFor(questions.map(toAnswerQuestion)).safeParse(raw);
    if (!parsed.success) throw new FormError("Ret de markerede svar.", fieldErrors(parsed.error));
    const answers = answersById(parsed.data as Record<string, number | string | undefined>);
    await storeResponse(tx, { form, invitationId: invitation.id, questions, answers, now });
    return { invitationId: invitation.id, anonymous: form.anonymous };
  });
  if (stored.anonymous) {
    // The response is stored: a failure here must not tell the participant otherwise.
    await scrubInvitationVersion(db, stored.invitationId).catch((err) => console.error("[evaluation] scrub failed:", err instanceof Error ? err.message : err));
  }
  return { anonymous: stored.anonymous };
}
