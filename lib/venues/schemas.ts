import { z } from "zod";

export const VenueSchema = z.object({
  name: z.string().trim().min(1, "Skriv stedets navn").max(200, "Navnet må højst være 200 tegn"),
  street: z.string().trim().min(1, "Skriv adressen").max(200, "Adressen må højst være 200 tegn"),
  postalCode: z.string().trim().regex(/^\d{4}$/, "Skriv et postnummer med 4 cifre"),
  city: z.string().trim().min(1, "Skriv byen").max(100, "Byen må højst være 100 tegn"),
  accessibilityNotes: z.string().trim().max(2000, "Højst 2000 tegn").optional().default(""),
});
export type VenueInput = z.output<typeof VenueSchema>;

export const RoomSchema = z.object({
  name: z.string().trim().min(1, "Skriv lokalets navn").max(100, "Navnet må højst være 100 tegn"),
  capacity: z.coerce.number({ error: "Skriv antal pladser" }).int("Skriv et helt tal").min(1, "Mindst 1 plads").max(2000, "Højst 2000 pladser"),
  accessibilityNotes: z.string().trim().max(2000, "Højst 2000 tegn").optional().default(""),
});
export type RoomInput = z.output<typeof RoomSchema>;
