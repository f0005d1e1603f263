import { z } from "zod";

// The form "Skriv til holdet", shared by the browser and the server.

export const CohortMessageSchema = z.object({
  subject: z.string({ error: "Skriv et emne" }).trim().min(1, "Skriv et emne").max(150, "Emnet må højst være 150 tegn"),
  body: z.string({ error: "Skriv selve beskeden" }).trim().min(1, "Skriv selve beskeden").max(5000, "Beskeden må højst være 5000 tegn"),
  includeWaitlist: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type CohortMessageInput = z.infer<typeof CohortMessageSchema>;

/** "1 modtager", "12 modtagere". */
export const recipientsText = (n: number) => `${n} ${n === 1 ? "modtager" : "modtagere"}`;
