import type { FieldSpec } from "@/components/ui/action-form";

/** The venue form's fields, shared by "opret sted" and "ret sted". */
export const VENUE_FIELDS: FieldSpec[] = [
  { name: "name", label: "Navn", required: true, maxLength: 200 },
  { name: "street", label: "Adresse", required: true, maxLength: 200, autoComplete: "street-address" },
  { name: "postalCode", label: "Postnummer", required: true, maxLength: 4, autoComplete: "postal-code" },
  { name: "city", label: "By", required: true, maxLength: 100, autoComplete: "address-level2" },
  { name: "accessibilityNotes", label: "Tilgængelighed", type: "textarea", required: false, maxLength: 2000, hint: "Fx niveaufri adgang, elevator, teleslynge" },
];

/** The fields of "tilføj lokale". */
export const ROOM_FIELDS: FieldSpec[] = [
  { name: "name", label: "Lokalets navn", required: true, maxLength: 100 },
  { name: "capacity", label: "Antal pladser", type: "number", required: true },
  { name: "accessibilityNotes", label: "Lokalets tilgængelighed", type: "textarea", required: false, maxLength: 2000 },
];

/** "Ret lokale": the same fields, filled with the room's values. */
export function roomFields(room: { name: string; capacity: number; accessibilityNotes: string | null }): FieldSpec[] {
  const values: Record<string, string> = { name: room.name, capacity: String(room.capacity), accessibilityNotes: room.accessibilityNotes ?? "" };
  return ROOM_FIELDS.map((f) => ({ ...f, defaultValue: values[f.name] ?? "" }));
}
