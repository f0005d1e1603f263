import type { Metadata } from "next";
import { connection } from "next/server";
import { AnswerForm } from "@/components/evaluation/answer-form";
import { getInvitation, LINK_MESSAGES } from "@/lib/evaluations/answer";
import { formatDateTime } from "@/lib/time";
import { submitEvaluationAction } from "./actions";

export const metadata: Metadata = { title: "Evaluering", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

const HEADINGS = { unknown: "Linket virker ikke", used: "Du har allerede svaret", closed: "Evalueringen er lukket" } as const;

export default async function EvaluationPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const view = await getInvitation(token);
  if (view.state !== "open") {
    return (
      <main className="wrap narrow">
        <h1>{HEADINGS[view.state]}</h1>
        <p className="lead" data-testid="evaluation-link-state">
          {LINK_MESSAGES[view.state]}
        </p>
        {view.state === "closed" && <p>Fristen var {formatDateTime(view.closesAt)}.</p>}
        {view.state === "unknown" && <p>Er du i tvivl, så svar på mailen med invitationen, så hjælper vi dig.</p>}
      </main>
    );
  }
  return (
    <main className="wrap narrow">
      <h1>{view.title}</h1>
      <p className="lead">
        {view.programmeTitle}, {view.moduleTitle ? `${view.moduleTitle}, ` : ""}hold {view.cohortName}
      </p>
      <p>
        {view.anonymous
          ? "Besvarelsen er anonym: vi gemmer kun, at dit link er brugt – ikke hvem der svarede hvad."
          : "Besvarelsen er ikke anonym: dine svar gemmes med dit navn."}{" "}
        Spørgsmål markeret med * skal besvares. Du kan svare én gang
        {view.closesAt ? `, senest ${formatDateTime(view.closesAt)}` : ""}.
      </p>
      <AnswerForm action={submitEvaluationAction.bind(null, token)} formId={view.formId} questions={view.questions} />
    </main>
  );
}
