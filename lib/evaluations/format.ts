// Danish number formats for evaluation figures, shared by the admin pages, exports and the public page.
const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 0 });

/** "9,8" — one decimal, Danish notation. */
export function formatScore(mean: number): string {
  return oneDecimal.format(mean);
}

/** "80 %". */
export function formatPercent(share: number): string {
  return percent.format(share);
}
