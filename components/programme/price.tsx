import { formatMoney, formatVatRate, priceBreakdown } from "@/lib/money";

export function Price({ priceOre, vatRateBp, currency, includes }: { priceOre: number; vatRateBp: number; currency: string; includes: string[] }) {
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
