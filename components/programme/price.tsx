import { formatMoney, formatVatRate, priceBreakdown } from "@/lib/money";

export function Price({ priceOre, vatRateBp, currency, includes, cohortsDiffer = false }: { priceOre: number; vatRateBp: number; currency: string; includes: string[]; cohortsDiffer?: boolean }) {
  const p = priceBreakdown(priceOre, vatRateBp, currency);
  return (
    <section className="aside-box" aria-labelledby="pris">
      <h2 id="pris">Pris</h2>
      <dl className="price" data-testid="price">
        <div>
          <dt>Pris ekskl. moms</dt>
          <dd>{formatMoney(p.exVatOre, currency)}</dd>
        </div>
        <div>
          <dt>Moms ({formatVatRate(p.vatRateBp)})</dt>
          <dd>{formatMoney(p.vatOre, currency)}</dd>
        </div>
        <div className="total">
          <dt>Pris inkl. moms</dt>
          <dd>{formatMoney(p.inclVatOre, currency)}</dd>
        </div>
      </dl>
      {cohortsDiffer && <p>Enkelte hold har deres egen pris; den står ved holdet under «Hold og tilmelding».</p>}
      {includes.length > 0 && (
        <>
          <p>Prisen dækker:</p>
          <ul>
            {includes.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">Betaling sker mod faktura til din organisation – offentlige myndigheder faktureres elektronisk via EAN-nummer.</p>
    </section>
  );
}
