import { z } from "zod";

export const UserCreateSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Skriv en gyldig e-mailadresse")),
  name: z.string().trim().min(1, "Skriv navnet").max(200, "Højst 200 tegn"),
  role: z.enum(["ADMIN", "COORDINATOR", "TEACHER"], { error: "Vælg en rolle" }),
  password: z.string().min(12, "Adgangskoden skal være mindst 12 tegn").max(1024, "Adgangskoden er for lang"),
});
export type UserCreateInput = z.output<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  name: z.string().trim().min(1, "Skriv navnet").max(200, "Højst 200 tegn"),
  role: z.enum(["ADMIN", "COORDINATOR", "TEACHER"], { error: "Vælg en rolle" }),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  password: z.union([z.literal(""), z.string().min(12, "Adgangskoden skal være mindst 12 tegn").max(1024)]).optional().default(""),
});
export type UserUpdateInput = z.output<typeof UserUpdateSchema>;
