import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Options } from "@/components/ui/options";

export type VenueOption = { id: string; name: string; rooms: Array<{ id: string; name: string; capacity: number }> };

/** A session field's label by its path below the session ("venueId", "days.0.start"), for error summaries. */
export function sessionFieldLabel(rest: string): string | undefined {
  if (rest === "venueId") return "Sted";
  if (rest === "roomId") return "Lokale";
  const m = /^days\.(\d+)\.(date|start|end)$/.exec(rest);
  if (!m) return undefined;
  return `Dag ${Number(m[1]) + 1}${m[2] === "start" ? ", fra" : m[2] === "end" ? ", til" : ""}`;
}

/**
 * The venue, room and day/time fields of one session, shared by "opret hold" and "ret modul".
 * `base` is the field path prefix ("sessions.0." or ""); `reg`, `err` and `idOf` come from the form.
 */
export function SessionFields({
  base,
  venues,
  venueId,
  dayCount,
  reg,
  err,
  idOf,
  dayExtra,
}: {
  base: string;
  venues: VenueOption[];
  venueId: string | undefined;
  dayCount: number;
  reg: (path: string) => object;
  err: (path: string) => string | undefined;
  idOf: (path: string) => string;
  /** Rendered first in each day's row (e.g. the hidden id of an existing day). */
  dayExtra?: (dayIndex: number) => ReactNode;
}) {
  const venue = venues.find((v) => v.id === venueId);
  const p = (rest: string) => `${base}${rest}`;
  return (
    <>
      <Field id={idOf(p("venueId"))} label="Sted" required={false} error={err(p("venueId"))}>
        <select {...reg(p("venueId"))}>
          <Options empty="Intet sted endnu" options={venues.map((v) => ({ value: v.id, label: v.name }))} />
        </select>
      </Field>
      {venue && venue.rooms.length > 0 && (
        <Field id={idOf(p("roomId"))} label="Lokale" required={false} error={err(p("roomId"))}>
          <select {...reg(p("roomId"))}>
            <Options empty="Intet lokale endnu" options={venue.rooms.map((r) => ({ value: r.id, label: `${r.name} (${r.capacity} pladser)` }))} />
          </select>
        </Field>
      )}
      {Array.from({ length: dayCount }, (_, di) => (
        <div className="field-row" key={di}>
          {dayExtra?.(di)}
          <Field id={idOf(p(`days.${di}.date`))} label={`Dag ${di + 1}`} required error={err(p(`days.${di}.date`))}>
            <input type="date" aria-required {...reg(p(`days.${di}.date`))} />
          </Field>
          <Field id={idOf(p(`days.${di}.start`))} label="Fra" required error={err(p(`days.${di}.start`))}>
            <input type="time" aria-required {...reg(p(`days.${di}.start`))} />
          </Field>
          <Field id={idOf(p(`days.${di}.end`))} label="Til" required error={err(p(`days.${di}.end`))}>
            <input type="time" aria-required {...reg(p(`days.${di}.end`))} />
          </Field>
        </div>
      ))}
    </>
  );
}
