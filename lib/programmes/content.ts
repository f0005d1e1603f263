import { z } from "zod";

// A programme's page copy is stored as JSON (Programme.content) in this shape. It is validated when it
// is written (seed, admin) and again when it is read, so a page never renders half-broken copy.
export const ProgrammeContentSchema = z.object({
  /** Opening paragraphs under the title. */
  lead: z.array(z.string().min(1).max(2000)).min(1).max(5),
  /** Free sections, each a heading and its paragraphs. */
  sections: z
    .array(z.object({ heading: z.string().min(1).max(200), paragraphs: z.array(z.string().min(1).max(3000)).min(1).max(10) }))
    .max(10),
  /** Numbered pieces of advice ("tre gode råd"). */
  advice: z
    .object({
      heading: z.string().min(1).max(200),
      items: z.array(z.object({ title: z.string().min(1).max(200), text: z.string().min(1).max(2000) })).min(1).max(10),
    })
    .optional(),
});

export type ProgrammeContent = z.infer<typeof ProgrammeContentSchema>;
