"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import { submitEvaluation } from "@/lib/evaluations/answer";
import { formDataToObject } from "@/lib/forms";
import { clientIp } from "@/lib/http/client-ip";
import { runAction } from "@/lib/http/run-action";
import { consumeRateLimit } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens";

// The participant's answers. The token is the only credential; the answers are parsed again with the
// form's own schema in submitEvaluation, and nothing is stored unless all of them are valid.
export async function submitEvaluationAction(tokenArg: string, _prev: FormState, fd: FormData): Promise<FormState> {
  // A client can call a server action with any serialisable value, not only the bound token string.
  const token = typeof tokenArg === "string" ? tokenArg : "";
  const values = formDataToObject(fd);
  // Per link, and per address at a level a whole cohort behind one venue's NAT stays well within.
  const byLink = await consumeRateLimit(`evaluation:link:${hashToken(token).slice(0, 32)}`, 20, 10 * 60_000);
  const byIp = await consumeRateLimit(`evaluation:ip:${await clientIp()}`, 300, 10 * 60_000);
  if (!byLink.allowed || !byIp.allowed) return { ok: false, message: "For mange forsøg på kort tid. Prøv igen om lidt – dine svar er ikke gemt.", values };
  const r = await runAction(values, async () => {
    await submitEvaluation(token, values);
    return "";
  }, "evaluation");
  if (!r?.ok) return r;
  redirect("/evaluering/tak");
}
