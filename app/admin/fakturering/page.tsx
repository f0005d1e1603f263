import type { Metadata } from "next";
import { SellerConfigForm } from "@/components/invoicing/forms/seller-config-form";
import type { FieldSpec } from "@/components/ui/action-form";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { sellerProblems } from "@/lib/invoicing/schemas";
import { sellerConfig } from "@/lib/invoicing/service";
import { saveSellerConfigAction } from "./actions";

export const metadata: Metadata = { title: "Fakturering" };

export default async function SellerConfigPage() {
  await requireAdminPage("/admin/fakturering");
  const c = await sellerConfig();
  const problems = sellerProblems(c);
  const field = (name: keyof typeof c & string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label, required: true, defaultValue: String(c[name] ?? ""), ...extra });
  return (
    <main className="wrap">
      <h1>Fakturering: sælgeroplysninger</h1>
      <p className="lead">Det, der står som afsender på hver faktura og kreditnota. Udstedte fakturaer beholder de oplysninger, de blev udstedt med.</p>
      {c.isDemo && (
        <p className="notice-info" data-testid="seller-demo">
          Oplysningerne er demodata fra testdatabasen (opdigtet CVR, GLN og konto). Erstat dem, før der udstedes rigtige fakturaer.
        </p>
      )}
      {problems.map((p) => (
        <p key={p} className="notice-info">{p}</p>
      ))}
      <SellerConfigForm
        action={saveSellerConfigAction}
        fields={[
          field("legalName", "Juridisk navn", { autoComplete: "organization", maxLength: 200 }),
          field("cvr", "CVR-nummer", { hint: "8 cifre" }),
          field("street", "Adresse", { autoComplete: "street-address", maxLength: 200 }),
          field("postalCode", "Postnummer", { autoComplete: "postal-code" }),
          field("city", "By", { maxLength: 100 }),
          field("gln", "Eget GLN-nummer (EAN)", { hint: "13 cifre; afsender af e-fakturaer via NemHandel" }),
          field("bankRegNo", "Registreringsnummer", { hint: "4 cifre" }),
          field("bankAccountNo", "Kontonummer", { hint: "Op til 10 cifre" }),
          field("contactEmail", "Kontakt-e-mail til fakturaspørgsmål", { type: "email", autoComplete: "email" }),
          field("invoicePrefix", "Præfiks for fakturanumre", { hint: "Fx F giver F2027-0001" }),
          field("creditNotePrefix", "Præfiks for kreditnotanumre", { hint: "Fx K giver K2027-0001" }),
          field("paymentTermsDays", "Betalingsfrist i dage", { type: "number", hint: "Netto dage fra fakturadatoen, fx 30" }),
        ]}
        submitLabel="Gem sælgeroplysninger"
        pendingLabel="Gemmer…"
      />
    </main>
  );
}
