import { z } from "zod";
import { digitsOnly, isValidCvr, isValidEan } from "../organisations/identifiers";

// Invoicing's names and its one form (the seller configuration). Importable from client and server.

/** Each invoice status's Danish name, as the cohort page, the journal and the audit log show it. */
export const INVOICE_STATUS_LABELS = {
  DRAFT: "Kladde",
  ISSUED: "Udstedt",
  SENT: "Sendt",
  PAID: "Betalt",
  CREDITED: "Krediteret",
} as const;

export const INVOICE_KIND_LABELS = { INVOICE: "Faktura", CREDIT_NOTE: "Kreditnota" } as const;

export const INVOICE_GROUPING_LABELS = {
  PER_ENROLMENT: "Én faktura pr. tilmelding",
  PER_ORGANISATION: "Én faktura pr. organisation pr. hold",
} as const;

const text = (max: number, label: string) => z.string({ error: `Skriv ${label.toLowerCase()}` }).trim().max(max, `${label} må højst være ${max} tegn`);
const digits = (label: string, len: number, extra?: (v: string) => boolean, extraMsg?: string) =>
  z
    .string({ error: `Skriv ${label}` })
    .transform(digitsOnly)
    .refine((v) => v === "" || new RegExp(`^\\d{${len}}$`).test(v), `${label} skal være ${len} cifre`)
    .refine((v) => v === "" || !extra || extra(v), extraMsg ?? `${label} er ikke gyldigt`);

/**
 * The seller configuration form. Every field may be saved empty (an administrator fills it in over
 * time); issuing refuses until the required ones are there (sellerProblems).
 */
export const SellerConfigSchema = z.object({
  legalName: text(200, "Juridisk navn").default(""),
  cvr: digits("CVR-nummeret", 8, isValidCvr, "CVR-nummeret er ikke gyldigt – kontrollér cifrene").default(""),
  street: text(200, "Adresse").default(""),
  postalCode: z.string().trim().regex(/^(\d{4})?$/, "Postnummeret skal være 4 cifre").default(""),
  city: text(100, "By").default(""),
  gln: digits("GLN-nummeret", 13, isValidEan, "GLN-nummeret er ikke gyldigt – kontrollér cifrene").default(""),
  bankRegNo: digits("Registreringsnummeret", 4).default(""),
  bankAccountNo: z
    .string()
    .transform(digitsOnly)
    .refine((v) => /^\d{0,10}$/.test(v), "Kontonummeret må højst være 10 cifre")
    .default(""),
  contactEmail: z.union([z.literal(""), z.email("Skriv en gyldig e-mailadresse, fx faktura@firma.dk")]).default(""),
  invoicePrefix: z.string().trim().regex(/^[A-ZÆØÅ0-9-]{1,10}$/i, "Præfikset må være 1–10 bogstaver, tal eller bindestreg"),
  creditNotePrefix: z.string().trim().regex(/^[A-ZÆØÅ0-9-]{1,10}$/i, "Præfikset må være 1–10 bogstaver, tal eller bindestreg"),
  paymentTermsDays: z.coerce
    .number({ error: "Skriv betalingsfristen i dage" })
    .int("Skriv et helt antal dage")
    .min(0, "Betalingsfristen kan ikke være negativ")
    .max(120, "Betalingsfristen må højst være 120 dage"),
}).refine((v) => v.invoicePrefix.toUpperCase() !== v.creditNotePrefix.toUpperCase(), {
  path: ["creditNotePrefix"],
  message: "Kreditnotaer skal have et andet præfiks end fakturaer",
});
export type SellerConfigInput = z.infer<typeof SellerConfigSchema>;

const REQUIRED: Array<[keyof SellerConfigInput, string]> = [
  ["legalName", "juridisk navn"],
  ["cvr", "CVR-nummer"],
  ["street", "adresse"],
  ["postalCode", "postnummer"],
  ["city", "by"],
  ["gln", "eget GLN-nummer"],
  ["bankRegNo", "registreringsnummer"],
  ["bankAccountNo", "kontonummer"],
  ["contactEmail", "kontakt-e-mail"],
];

/** What the seller configuration lacks before invoices may be issued, in Danish; empty when complete. */
export function sellerProblems(config: Partial<Record<keyof SellerConfigInput, unknown>>): string[] {
  const missing = REQUIRED.filter(([k]) => !String(config[k] ?? "").trim()).map(([, label]) => label);
  return missing.length ? [`Sælgeroplysningerne mangler: ${missing.join(", ")}. En administrator udfylder dem under Fakturering.`] : [];
}
