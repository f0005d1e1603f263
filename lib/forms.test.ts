import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, flattenValues, formDataToNested, formDataToObject } from "./forms";

function form(entries: Array<[string, string]>): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("form data", () => {
  it("reads text fields, keeps a repeated name's last value and leaves out Next's action fields", () => {
    const fd = form([["name", "a"], ["name", "b"], ["$ACTION_ID_123", "x"]]);
    fd.append("file", new Blob(["x"]));
    expect(formDataToObject(fd)).toEqual({ name: "b" });
  });

  it("treats anything but FormData as an empty form", () => {
    expect(formDataToObject("x" as unknown as FormData)).toEqual({});
    expect(formDataToNested({ get: () => "x" } as unknown as FormData)).toEqual({});
  });

  it("nests dotted names into objects and arrays and flattens them back", () => {
    const fd = form([["title", "Efterår"], ["sessions.0.days.1.date", "2027-03-02"], ["sessions.0.moduleId", "m1"]]);
    const nested = formDataToNested(fd);
    expect(nested).toEqual({ title: "Efterår", sessions: [{ days: [undefined, { date: "2027-03-02" }], moduleId: "m1" }] });
    expect(flattenValues(nested)).toEqual({ title: "Efterår", "sessions.0.days.1.date": "2027-03-02", "sessions.0.moduleId": "m1" });
  });

  it("never writes to a prototype, whatever the field names", () => {
    const fd = form([["__proto__.polluted", "yes"], ["constructor.prototype.polluted", "yes"], ["a.__proto__.polluted", "yes"], ["ok", "1"]]);
    const nested = formDataToNested(fd);
    expect(nested).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
  });

  it("leaves out names that do not fit the shape built so far instead of throwing", () => {
    const fd = form([["x.0", "a"], ["x.length", "abc"], ["x.push", "1"], ["x.1.length", "7"], ["toString.x", "1"], ["hasOwnProperty.y.z", "2"]]);
    const nested = formDataToNested(fd);
    expect(nested).toEqual({ x: ["a", { length: "7" }], toString: { x: "1" }, hasOwnProperty: { y: { z: "2" } } });
    expect((Object.prototype.toString as unknown as Record<string, unknown>).x).toBeUndefined();
    expect((Object.prototype.hasOwnProperty as unknown as Record<string, unknown>).y).toBeUndefined();
    // Indexes stay small: four digits are a word, so they cannot stretch an array either.
    expect(formDataToNested(form([["x.0", "a"], ["x.4294967294", "b"]]))).toEqual({ x: ["a"] });
  });

  it("keeps a group when the same name is also sent as a plain field, in either order", () => {
    expect(formDataToNested(form([["a", "x"], ["a.b", "y"]]))).toEqual({ a: { b: "y" } });
    expect(formDataToNested(form([["a.b", "y"], ["a", "x"]]))).toEqual({ a: { b: "y" } });
  });

  it("reports the first message per dotted path, and form-level issues as _form", () => {
    const schema = z
      .object({ sessions: z.array(z.object({ date: z.string().min(5, "For kort").regex(/^\d/, "Skriv en dato") })) })
      .refine((v) => v.sessions.length > 1, "Tilføj mindst to moduler");
    // "ab" fails both checks of the same field: the first message is the one shown.
    const r = schema.safeParse({ sessions: [{ date: "ab" }] });
    expect(r.error!.issues.filter((i) => i.path.join(".") === "sessions.0.date")).toHaveLength(2);
    expect(fieldErrors(r.error!)).toEqual({ "sessions.0.date": "For kort", _form: "Tilføj mindst to moduler" });
  });
});
