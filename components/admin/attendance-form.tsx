"use client";

import { DataTable } from "@/components/admin/data-table";
import { ErrorSummary, SuccessNotice } from "@/components/ui/form-notice";
import { useActionState } from "react";
import type { FormState } from "@/lib/http/result";
import { ATTENDANCE_LABELS } from "@/lib/attendance/schemas";

type Row = { enrolmentId: string; name: string; organisation: string; status: string | null };

/** One course day's register: a radio group per participant. */
export function AttendanceForm({ action, rows, readOnly }: { action: (s: FormState, fd: FormData) => Promise<FormState>; rows: Row[]; readOnly: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <ErrorSummary state={state} />
      <DataTable
        rows={rows}
        rowKey={(r) => r.enrolmentId}
        columns={[
          { header: "Deltager", cell: (r) => r.name },
          { header: "Arbejdsplads", cell: (r) => r.organisation },
          {
            header: "Fremmøde",
            cell: (r) =>
              readOnly ? (
                r.status ? ATTENDANCE_LABELS[r.status as keyof typeof ATTENDANCE_LABELS] : "Ikke registreret"
              ) : (
                <fieldset className="radio-row" aria-label={`Fremmøde for ${r.name}`}>
                  {Object.entries(ATTENDANCE_LABELS).map(([value, label]) => (
                    <label key={value} className="choice">
                      <input type="radio" name={`att.${r.enrolmentId}`} value={value} defaultChecked={r.status === value} /> {label}
                    </label>
                  ))}
                </fieldset>
              ),
          },
        ]}
      />
      {!readOnly && (
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Gemmer…" : "Gem fremmøde"}
        </button>
      )}
      <SuccessNotice state={state} />
    </form>
  );
}
