import type { Metadata } from "next";
import { ProgrammeForm } from "@/components/admin/forms/programme-form";
import { programmeFields } from "@/components/admin/programme-fields";
import { ADMIN_PAGES } from "@/lib/auth/admin-routes";
import { requirePermission } from "@/lib/auth/session";
import { createProgrammeAction } from "../actions";

export const metadata: Metadata = { title: "Opret uddannelse" };

export default async function NewProgrammePage() {
  await requirePermission(ADMIN_PAGES["/admin/uddannelser/ny"], "/admin/uddannelser/ny");
  return (
    <main className="wrap narrow">
      <h1 style={{ marginTop: "1.5rem" }}>Opret uddannelse</h1>
      <ProgrammeForm action={createProgrammeAction} fields={programmeFields()} submitLabel="Opret uddannelse" pendingLabel="Opretter…" />
    </main>
  );
}
