"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/http/result";
import { AttendanceDaySchema } from "@/lib/attendance/schemas";
import { recordAttendance } from "@/lib/attendance/service";
import { requirePermission } from "@/lib/auth/session";
import { FormError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/http/result";

export async function recordAttendanceAction(cohortId: string, sessionDayId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("attendance:update", `/admin/hold/${cohortId}/fremmoede`);
  const marks = [...fd.entries()]
    .filter(([k, v]) => k.startsWith("att.") && typeof v === "string")
    .map(([k, v]) => ({ enrolmentId: k.slice(4), status: v }));
  const parsed = AttendanceDaySchema.safeParse({ sessionDayId, marks });
  if (!parsed.success) return { ok: false, message: "Vælg fremmøde for hver deltager med en gyldig værdi." };
  try {
    const { saved } = await recordAttendance(parsed.data, user.id);
    revalidatePath(`/admin/hold/${cohortId}/fremmoede`);
    return { ok: true, data: null, message: `Fremmøde gemt for ${saved} ${saved === 1 ? "deltager" : "deltagere"}.` };
  } catch (err) {
    if (err instanceof FormError) return { ok: false, message: err.message };
    console.error("[attendance] unexpected error", err);
    return { ok: false, message: GENERIC_ERROR };
  }
}
