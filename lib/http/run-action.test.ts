import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FormError } from "../errors";
import { GENERIC_ERROR } from "./result";
import { runForm } from "./run-action";

const Schema = z.object({
  name: z.string().trim().min(1, "Skriv et navn"),
  password: z.string().min(8, "Adgangskoden skal være mindst 8 tegn"),
  days: z.array(z.object({ date: z.string().min(1, "Vælg dato") })).optional(),
});

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

describe("runForm", () => {
  it("refuses bad input with field messages, runs nothing and echoes the values but the secret ones", async () => {
    const work = vi.fn(async () => "gemt");
    const state = await runForm(form({ name: " ", password: "kort", "days.0.date": "" }), Schema, work, { secret: ["password"] });
    expect(work).not.toHaveBeenCalled();
    expect(state).toEqual({
      ok: false,
      message: "Ret de markerede felter.",
      fieldErrors: { name: "Skriv et navn", password: "Adgangskoden skal være mindst 8 tegn", "days.0.date": "Vælg dato" },
      values: { name: " ", password: "", "days.0.date": "" },
    });
  });

  it("runs the work with the parsed data and returns its message", async () => {
    const work = vi.fn(async (data: z.output<typeof Schema>) => `Hej ${data.name}`);
    const state = await runForm(form({ name: "  Ida ", password: "langt-nok", "days.0.date": "2027-03-01" }), Schema, work);
    expect(work).toHaveBeenCalledWith({ name: "Ida", password: "langt-nok", days: [{ date: "2027-03-01" }] });
    expect(state).toEqual({ ok: true, data: null, message: "Hej Ida" });
  });

  it("turns a domain rule's FormError into its message and keeps the typed values", async () => {
    const state = await runForm(form({ name: "Ida", password: "langt-nok" }), Schema, async () => {
      throw new FormError("Navnet er taget.", { name: "Vælg et andet navn" });
    }, { secret: ["password"] });
    expect(state).toEqual({ ok: false, message: "Navnet er taget.", fieldErrors: { name: "Vælg et andet navn" }, values: { name: "Ida", password: "" } });
  });

  it("shows an unexpected failure generically and keeps the values", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runForm(form({ name: "Ida", password: "langt-nok" }), Schema, async () => {
      throw new Error("db down");
    });
    expect(state).toEqual({ ok: false, message: GENERIC_ERROR, values: { name: "Ida", password: "langt-nok" } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
