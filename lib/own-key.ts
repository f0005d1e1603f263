/**
 * `key` when `record` has it as its own property, else undefined. Query values pick labels, statuses
 * and lists from plain objects; an `in` check or a bare lookup also accepts what every object inherits
 * ("toString", "constructor", "__proto__"), which then reached Prisma as a status (a 500) or a title as
 * "function Object()". A repeated query parameter (an array) is not a key either.
 */
export function ownKey<T extends object>(record: T, key: unknown): Extract<keyof T, string> | undefined {
  return typeof key === "string" && Object.hasOwn(record, key) ? (key as Extract<keyof T, string>) : undefined;
}

/** The record's own value for `key`, or undefined (never an inherited member). */
export function ownValue<V>(record: Record<string, V>, key: unknown): V | undefined {
  const k = ownKey(record, key);
  return k === undefined ? undefined : record[k];
}
