import { z } from "zod";

const email = (message: string) => z.string({ error: message }).trim().toLowerCase().max(254, "Højst 254 tegn").pipe(z.email(message));

/** The admin's search for a person (GET /admin/personer?email=…). */
export const PersonSearchSchema = z.object({ email: email("Skriv en gyldig e-mailadresse") });

/** Erasing a person is confirmed by typing their e-mail again, which works without JavaScript too. */
export const ErasePersonSchema = z.object({ confirmEmail: email("Skriv personens e-mail for at bekræfte") });
export type ErasePersonInput = z.output<typeof ErasePersonSchema>;
