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

// A field named "__proto__.x" must not reach Object.prototype.
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Turns FormData with dotted names ("sessions.0.days.1.date") into nested objects and arrays, the
 * shape react-hook-form gives the same fields in the browser.
 */
export function formDataToNested(fd: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formDataToObject(fd))) {
    const parts = key.split(".").slice(0, 8);
    if (parts.some((p) => UNSAFE_KEYS.has(p))) continue;
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const index = /^\d{1,3}$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (i === parts.length - 1) {
        if (container[index] === null || typeof container[index] !== "object") container[index] = value;
        return;
      }
      const nextIsIndex = /^\d{1,3}$/.test(parts[i + 1]!);
      // A name used both as a field and as a group ("a" and "a.b") keeps the group.
      if (container[index] === null || typeof container[index] !== "object") container[index] = nextIsIndex ? [] : {};
      node = container[index] as Record<string, unknown> | unknown[];
    });
  }
  return root;
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
