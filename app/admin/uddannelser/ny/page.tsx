import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import { ProgrammeForm } from "@/components/admin/forms/programme-form";
import { programmeFields } from "@/components/admin/programme-fields";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { createProgrammeAction } from "../actions";

export const metadata: Metadata = { title: "Opret uddannelse" };

export default async function NewProgrammePage() {
  await requireAdminPage("/admin/uddannelser/ny");
  return (
    <main className="wrap narrow">
      <PageHead title="Opret uddannelse" />
      <ProgrammeForm action={createProgrammeAction} fields={programmeFields()} submitLabel="Opret uddannelse" pendingLabel="Opretter…" />
    </main>
  );
}
