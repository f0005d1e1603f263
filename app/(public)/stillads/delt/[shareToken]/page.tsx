import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { WorkspaceRead } from "@/components/workspace/workspace-read";
import { sharedWorkspace } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Implementeringsstillads (delt med dig)", robots: { index: false, follow: false }, referrer: "same-origin" };

export default async function SharedWorkspacePage({ params }: { params: Promise<{ shareToken: string }> }) {
  await connection();
  const { shareToken } = await params;
  const ws = await sharedWorkspace(shareToken);
  if (!ws) notFound();
  return (
    <main className="wrap narrow">
      <p className="eyebrow">Delt med dig af {ws.person.name}</p>
      <h1>{ws.title}</h1>
      <p className="lead">
        {ws.person.name}s implementeringsstillads fra {ws.cohort.programme.title}. Du kan læse det, men ikke ændre det.
      </p>
      <WorkspaceRead state={{ title: ws.title, solution: ws.solution, gain: ws.gain, items: Object.values(ws.sections).flat() }} idPrefix="delt" />
    </main>
  );
}
