/** A page number from the URL (`?side=`): 1 to 10 000, and 1 for anything that is not a number. */
export function pageNumber(raw: unknown): number {
  return Math.max(1, Math.min(10_000, Number(raw) || 1));
}

/** How many pages `total` rows fill, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
