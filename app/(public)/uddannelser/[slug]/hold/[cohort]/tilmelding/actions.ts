"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import type { EnrolmentFormState } from "@/lib/enrolment/schemas";
import { RESEND_ANSWER, resendManageLink } from "@/lib/enrolment/resend-link";
import { ResendLinkSchema } from "@/lib/enrolment/schemas";
import { fieldErrors } from "@/lib/forms";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { after } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { formDataToObject } from "@/lib/forms";
import { submitEnrolment } from "@/lib/enrolment/submit";
import { kickJobs } from "@/lib/jobs";


/** The enrolment form's action; also works without JavaScript (a plain form post). */
export async function enrolAction(cohortId: string, _prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  const values = formDataToObject(formData);
  const result = await submitEnrolment(cohortId, values, await clientIp());
  if (!result.ok) {
    // Hand the typed values back so nothing the applicant wrote is lost when JavaScript is off.
    return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  }
  after(kickJobs);
  if (result.data.manageToken) redirect(`/tilmelding/${result.data.manageToken}?ny=1`);
  return {
    ok: true,
    data: { status: result.data.status, waitlistPosition: result.data.waitlistPosition },
    message: "Du er allerede tilmeldt dette hold. Dit personlige link står i den bekræftelse, vi har sendt til din e-mail. Kan du ikke finde den, så brug »Send mit link igen« nederst på siden.",
  };
}

/** "Send mit link igen": the same answer for every well-formed address; the link only ever goes by mail. */
export async function resendLinkAction(cohortId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const values = formDataToObject(fd);
  const parsed = ResendLinkSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  return runAction(
    values,
    async () => {
      await resendManageLink({ cohortId, email: parsed.data.email, ip: await clientIp() });
      after(kickJobs);
      return RESEND_ANSWER;
    },
    "enrolment",
  );
}
