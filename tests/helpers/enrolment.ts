// What the enrolment tests share: a demo applicant as the form's schema parses it, and the refusal a
// call ends in.
import { EnrolmentError } from "@/lib/enrolment/errors";
import { EnrolmentSchema } from "@/lib/enrolment/schemas";
import { applicant } from "@/prisma/seed/fixtures";
import { rejectedWith } from "./rejection";

/** Demo applicant `n` (fields in `over` changed) as the enrolment form's schema parses it. */
export const applicantInput = (n: number | string, over: Record<string, unknown> = {}) => EnrolmentSchema.parse(applicant(n, over));

/** The EnrolmentError a call was refused with; anything else (success included) fails the test. */
export const rejection = (p: Promise<unknown>) => rejectedWith(p, EnrolmentError);
