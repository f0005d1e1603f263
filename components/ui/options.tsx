import type { ReactNode } from "react";

export type Option = { value: string; label: ReactNode };

/** A label map (`{ CONFIRMED: "Bekræftet", … }`) as a select's choices, in the map's order. */
export function optionsOf(labels: Record<string, string>): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A select's choices: an optional empty first one (`empty`, value ""), then one per option. */
export function Options({ empty, options }: { empty?: string; options: readonly Option[] }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
