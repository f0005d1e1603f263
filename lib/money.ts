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

/** The hint every price field shows and the message for a price it cannot read. */
export const KRONER_FORMAT_MESSAGE = "Skriv prisen i kroner, fx 9500, 9.500,50 eller 9500,50";
const MAX_KRONER = 9_999_999;

/**
 * A price typed in kroner → øre, or null when it cannot be read. Accepts the way the site writes
 * amounts ("9.500,50", "9.500 kr."), without thousands dots ("9500,50") and with a decimal point
 * ("9500.50"). A dot before exactly three digits with no comma ("12.950") is a thousands separator,
 * as in Danish; with one or two digits after it ("9500.5") it is a decimal point. Every price field's
 * schema uses this, so the browser and the server read a price the same way.
 */
export function parseKroner(text: string): number | null {
  const t = text.replace(/[\s\u00a0]+/g, "").replace(/(kr\.?|dkk)$/i, "");
  let whole: string;
  let fraction = "";
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t))) [, whole = "", fraction = ""] = m;
  else if ((m = /^(\d+)\.(\d{1,2})$/.exec(t))) [, whole = "", fraction = ""] = m;
  else return null;
  const kroner = Number(whole.replace(/\./g, ""));
  if (!Number.isSafeInteger(kroner) || kroner > MAX_KRONER) return null;
  return kroner * 100 + Number(fraction.padEnd(2, "0"));
}

/** parseKroner for a value a schema has already accepted. */
export function kronerToOre(text: string): number {
  const ore = parseKroner(text);
  if (ore === null) throw new RangeError(`Not a price: ${text}`);
  return ore;
}
