import { describe, expect, it } from "vitest";
import { answerField, answerSchemaFor, answersById, FormSettingsSchema, QuestionSchema, type AnswerQuestion } from "./schemas";

const q = (id: string, over: Partial<AnswerQuestion> = {}): AnswerQuestion => ({
  id, kind: "SCALE", prompt: id, required: true, scaleMin: 1, scaleMax: 10, minLabel: null, maxLabel: null, options: [], ...over,
});
const questions = [
  q("quality"),
  q("pick", { kind: "SINGLE_CHOICE", options: ["Ja", "Nej"], required: false }),
  q("text", { kind: "FREE_TEXT", required: false }),
  q("must", { kind: "FREE_TEXT" }),
];
const schema = answerSchemaFor(questions);
const valid = { [answerField("quality")]: "10", [answerField("pick")]: "Nej", [answerField("text")]: "  ", [answerField("must")]: " Godt " };

describe("the answer schema built from a form's questions", () => {
  it("turns valid answers into values by question, leaving out empty optional ones", () => {
    const parsed = schema.parse(valid);
    expect([...answersById(parsed as Record<string, number | string | undefined>)]).toEqual([["quality", 10], ["pick", "Nej"], ["must", "Godt"]]);
  });

  it.each([
    ["quality", "0", "Vælg et tal fra 1 til 10"],
    ["quality", "10.0", "Vælg et tal fra 1 til 10"],
    ["quality", "", "Vælg et svar"],
    ["quality", undefined, "Vælg et svar"],
    ["pick", "Måske", "Vælg en af svarmulighederne"],
    ["must", "   ", "Skriv et svar"],
    ["text", "x".repeat(4001), "Svaret må højst være 4000 tegn"],
    // Far past the limit too: the length is named, not "Skriv et svar".
    ["text", "x".repeat(6000), "Svaret må højst være 4000 tegn"],
    ["quality", "9".repeat(6000), "Vælg et tal fra 1 til 10"],
    ["text", "a\u0000b", "Teksten indeholder tegn, vi ikke kan gemme – skriv den igen"],
    ["must", "halv \uD83D emoji", "Teksten indeholder tegn, vi ikke kan gemme – skriv den igen"],
  ])("refuses %s = %j with “%s”", (field, value, message) => {
    const r = schema.safeParse({ ...valid, [answerField(field)]: value });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([[answerField(field), message]]);
  });

  it("refuses wrong types without throwing", () => {
    for (const value of [42, ["1"], { x: 1 }, null, true]) {
      expect(schema.safeParse({ ...valid, [answerField("quality")]: value }).success).toBe(false);
    }
  });
});

describe("coordinator schemas", () => {
  it("need at least two distinct options for a single-choice question", () => {
    expect(QuestionSchema.safeParse({ kind: "SINGLE_CHOICE", prompt: "Hvilken?", options: "Ja" }).error?.issues[0]?.message).toBe("Skriv mindst to svarmuligheder, én pr. linje");
    expect(QuestionSchema.safeParse({ kind: "SINGLE_CHOICE", prompt: "Hvilken?", options: "Ja\nJa" }).error?.issues[0]?.message).toBe("Svarmulighederne skal være forskellige");
    expect(QuestionSchema.parse({ kind: "SINGLE_CHOICE", prompt: "Hvilken?", options: " Ja \r\n\nNej\n" }).optionList).toEqual(["Ja", "Nej"]);
    expect(QuestionSchema.safeParse({ kind: "SCALE", prompt: "X", key: "Kvalitet!" }).error?.issues[0]?.message).toBe("Brug små bogstaver a–z, tal og _, fx content_quality");
  });

  it("read checkboxes as posted by a browser and check the deadline and reminder", () => {
    expect(FormSettingsSchema.parse({ title: "T", closesOn: "2027-10-31", reminderAfterDays: "7", anonymous: "on" })).toMatchObject({ anonymous: true, autoInvite: false, moduleId: "" });
    expect(FormSettingsSchema.safeParse({ title: "T", closesOn: "31-10-2027", reminderAfterDays: "0" }).error?.issues.map((i) => i.message)).toEqual(["Vælg en svarfrist", "Mindst 1 dag"]);
    for (const closesOn of ["2026-02-30", "2027-02-29", "2027-13-01"]) {
      expect(FormSettingsSchema.safeParse({ title: "T", closesOn, reminderAfterDays: "7" }).error?.issues.map((i) => i.message)).toEqual(["Datoen findes ikke – vælg en dato i kalenderen"]);
    }
  });
});
