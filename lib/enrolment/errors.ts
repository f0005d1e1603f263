/** Expected failures of the enrolment domain, each with a code for programs and a Danish message for people. */
export type EnrolmentErrorCode =
  | "COHORT_NOT_FOUND"
  | "NOT_OPEN_YET"
  | "CLOSED"
  | "STARTED"
  | "RATE_LIMITED"
  | "REJECTED"
  | "TOKEN_INVALID"
  | "NOT_ALLOWED"
  | "SUBSTITUTION_CLOSED"
  | "COLLEAGUE_ALREADY_ENROLLED"
  | "OFFER_EXPIRED";

export class EnrolmentError extends Error {
  constructor(
    readonly code: EnrolmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EnrolmentError";
  }
}
