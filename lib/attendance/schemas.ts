import { z } from "zod";

export const ATTENDANCE_LABELS = { PRESENT: "Til stede", PARTIAL: "Delvist", ABSENT: "Fraværende" } as const;

/** One day's register: a mark per enrolment ("att.<enrolmentId>" in the form). */
export const AttendanceDaySchema = z.object({
  sessionDayId: z.string().min(1).max(40),
  marks: z
    .array(z.object({ enrolmentId: z.string().min(1).max(40), status: z.enum(["PRESENT", "PARTIAL", "ABSENT"], { error: "Vælg fremmøde" }) }))
    .max(1000),
});
export type AttendanceDayInput = z.output<typeof AttendanceDaySchema>;
