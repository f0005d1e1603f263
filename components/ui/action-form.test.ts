import { describe, expect, it } from "vitest";
import { initialValue, type FieldSpec } from "./action-form";

const box: FieldSpec = { name: "autoInvite", label: "Invitér automatisk", type: "checkbox", defaultValue: "on" };
const text: FieldSpec = { name: "title", label: "Titel", required: true, defaultValue: "Standard" };

describe("what a form field shows", () => {
  it("shows the defaults before anything is posted, and after a success", () => {
    expect([initialValue(box, null), initialValue(text, null)]).toEqual(["on", "Standard"]);
    expect(initialValue(box, { ok: true, data: null, message: "Gemt." })).toBe("on");
  });

  it("after a refused post shows what was posted: an unposted checkbox stays unchecked", () => {
    const refused = { ok: false as const, message: "Ret de markerede felter.", values: { title: "" } };
    expect(initialValue(box, refused)).toBe("");
    expect(initialValue(text, refused)).toBe("");
    expect(initialValue(box, { ...refused, values: { autoInvite: "on" } })).toBe("on");
  });
});
