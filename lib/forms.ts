import type { z } from "zod";

/** A form's text fields by name (a repeated name keeps its last value); anything but FormData is an empty form. */
export function formDataToObject(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  // A server action can be called with any serialisable argument, not only the form's FormData:
  // anything else is an empty form, which the schemas then refuse field by field.
  if (!(fd instanceof FormData)) return out;
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

// A field named "__proto__.x" must not reach Object.prototype (nor become an own "__proto__").
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^\d{1,3}$/;

/**
 * Turns FormData with dotted names ("sessions.0.days.1.date") into nested objects and arrays, the
 * shape react-hook-form gives the same fields in the browser. Names that do not fit the shape built
 * so far (a word as an array index, a field and a group of the same name) are left out, so a crafted
 * post can neither throw here nor write to a prototype.
 */
export function formDataToNested(fd: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  fields: for (const [key, value] of Object.entries(formDataToObject(fd))) {
    const parts = key.split(".").slice(0, 8).map((p) => (INDEX.test(p) ? Number(p) : p));
    if (parts.some((p) => typeof p === "string" && UNSAFE_KEYS.has(p))) continue;
    let node: Record<string | number, unknown> = root;
    for (const [i, part] of parts.entries()) {
      // An array takes only small numeric indexes; "x.length" or "x.push" are not fields.
      if (Array.isArray(node) && typeof part !== "number") continue fields;
      // Own properties only: "toString.x" must not reach Object.prototype.toString.
      const existing = Object.hasOwn(node, part) ? node[part] : undefined;
      if (i === parts.length - 1) {
        if (existing === undefined || typeof existing === "string") node[part] = value;
        continue fields;
      }
      if (existing === undefined || typeof existing === "string") node[part] = typeof parts[i + 1] === "number" ? [] : {};
      node = node[part] as Record<string | number, unknown>;
    }
  }
  return root;
}

/** The value at a dotted path of nested form values, as a field shows it ("sessions.0.days.1.date"). */
export function valueAt(values: unknown, path: string): string | undefined {
  const v = path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), values);
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

/** Nested values back as dotted names, the shape a form echoes after a refused post. */
export function flattenValues(values: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") Object.assign(out, flattenValues(v as Record<string, unknown>, key));
    else if (typeof v === "string") out[key] = v;
  }
  return out;
}

/** Field errors of a failed parse keyed by dotted path, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.join(".") || "_form"] ??= i.message;
  return out;
}

/**
 * react-hook-form's nested errors as a flat list of dotted paths and messages, in the order the
 * resolver reported them. An array's own error ("root") belongs to the array's path.
 */
export function errorList(errors: unknown, prefix = ""): Array<{ path: string; message: string }> {
  if (!errors || typeof errors !== "object") return [];
  const node = errors as Record<string, unknown>;
  const out: Array<{ path: string; message: string }> = [];
  if (typeof node.message === "string" && node.message) out.push({ path: prefix, message: node.message });
  for (const [key, child] of Object.entries(node)) {
    // An error's own fields; `ref` is the DOM element.
    if (key === "message" || key === "type" || key === "types" || key === "ref") continue;
    out.push(...errorList(child, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key));
  }
  const seen = new Set<string>();
  return out.filter((e) => !seen.has(e.path) && seen.add(e.path));
}
