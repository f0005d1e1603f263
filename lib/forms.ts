import type { z } from "zod";

/**
 * Turns FormData with dotted names ("sessions.0.days.1.date") into nested objects and arrays, the
 * shape react-hook-form gives the same fields in the browser.
 */
export function formDataToNested(fd: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const parts = key.split(".").slice(0, 8);
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const index = /^\d{1,3}$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[index] = value;
        return;
      }
      const nextIsIndex = /^\d{1,3}$/.test(parts[i + 1]!);
      container[index] ??= nextIsIndex ? [] : {};
      node = container[index] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

/** Field errors keyed by dotted path, first message per field. */
export function nestedFieldErrors(error: z.ZodError): Record<string, string> {
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
