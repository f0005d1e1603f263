// Money is integer øre (1 kr. = 100 øre) with a VAT rate in basis points (2500 = 25 %), so sums and
// VAT never suffer floating-point drift.

export interface PriceBreakdown {
  exVatOre: number;
  vatOre: number;
  inclVatOre: number;
  vatRateBp: number;
  currency: string;
}

export function priceBreakdown(exVatOre: number, vatRateBp: number, currency = "DKK"): PriceBreakdown {
  if (!Number.isSafeInteger(exVatOre) || exVatOre < 0) throw new RangeError(`Invalid price: ${exVatOre}`);
  if (!Number.isSafeInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > 10000) {
    throw new RangeError(`Invalid VAT rate: ${vatRateBp}`);
  }
  // Round half up to whole øre, as Danish invoices do.
  const vatOre = Math.floor((exVatOre * vatRateBp + 5000) / 10000);
  return { exVatOre, vatOre, inclVatOre: exVatOre + vatOre, vatRateBp, currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "12.950,00 kr." */
export function formatMoney(ore: number, currency = "DKK"): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("da-DK", { style: "currency", currency });
    formatters.set(currency, f);
  }
  return f.format(ore / 100);
}

/** "25 %" */
export function formatVatRate(vatRateBp: number): string {
  return `${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 }).format(vatRateBp / 100)} %`;
}

/** A price as schema.org wants it: "12950.00". */
export function decimalAmount(ore: number): string {
  return (ore / 100).toFixed(2);
}
