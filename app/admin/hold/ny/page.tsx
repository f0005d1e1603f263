import type { Metadata } from "next";
import { PageHead } from "@/components/admin/page-head";
import { CohortForm } from "@/components/admin/cohort-form";
import { Options } from "@/components/ui/options";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { newCohortChoices } from "@/lib/cohorts/queries";
import { createCohortAction } from "../actions";

export const metadata: Metadata = { title: "Opret hold" };

type Props = { searchParams: Promise<{ uddannelse?: string }> };

export default async function NewCohortPage({ searchParams }: Props) {
  const user = await requireAdminPage("/admin/hold/ny");
  const { uddannelse } = await searchParams;
  const { programmes, venues } = await newCohortChoices(user);
  const programme = programmes.find((p) => p.id === uddannelse) ?? (programmes.length === 1 ? programmes[0] : undefined);

  return (
    <main className="wrap narrow">
      <PageHead title="Opret hold" />
      <form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="uddannelse">Uddannelse</label>
          <select id="uddannelse" name="uddannelse" defaultValue={programme?.id ?? ""}>
            <Options empty="Vælg uddannelse" options={programmes.map((p) => ({ value: p.id, label: p.title }))} />
          </select>
        </div>
        <button className="button" type="submit">
          Vælg
        </button>
      </form>
      {programme && (
        <CohortForm
          action={createCohortAction}
          programmeId={programme.id}
          modules={programme.modules}
          venues={venues}
        />
      )}
    </main>
  );
}
