import { describe, expect, it } from "vitest";
import { isValidCvr, isValidEan } from "../organisations/identifiers";
import { MUNICIPALITIES } from "../organisations/municipalities";
import { fieldErrors } from "../forms";
import { ColleagueSchema, EnrolmentSchema } from "./schemas";

export const VALID_EAN = "5798000416604"; // check digit computed below
const valid = {
  name: "Mette Hansen",
  email: "Mette.Hansen@Syddjurs.dk ",
  phone: "87 53 50 00",
  jobTitle: "Digitaliseringskonsulent",
  orgType: "MUNICIPALITY",
  municipalityCode: "706",
  ean: VALID_EAN,
  invoiceAttention: "Mette Hansen",
  billingStreet: "Lundbergsvej 2",
  billingPostalCode: "8400",
  billingCity: "Ebeltoft",
  acceptTerms: "on",
  acceptPrivacy: true,
};

describe("EAN and CVR checks", () => {
  it("accept numbers with a correct check digit and refuse a changed digit", () => {
    expect(isValidEan(VALID_EAN)).toBe(true);
    expect(isValidEan("5798000416605")).toBe(false);
    expect(isValidEan("4006381333931")).toBe(true); // GS1's own example
    expect(isValidEan("579800041660")).toBe(false);
    expect(isValidCvr("10150817")).toBe(true); // modulus 11: 2·1+7·0+6·1+5·5+4·0+3·8+2·1+1·7 = 66
    expect(isValidCvr("10150818")).toBe(false);
    expect(isValidCvr("01234567")).toBe(false);
  });

  it("know all 98 municipalities once", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
  });
});

describe("EnrolmentSchema", () => {
  it("accepts a municipal applicant and normalises what they typed", () => {
    const r = EnrolmentSchema.parse(valid);
    expect(r.email).toBe("mette.hansen@syddjurs.dk");
    expect(r.phone).toBe("87535000");
    expect(r.acceptTerms).toBe(true);
  });

  it("requires a valid EAN for public bodies, in Danish", () => {
    const r = EnrolmentSchema.safeParse({ ...valid, ean: "5798000416605" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).ean).toBe("EAN-nummeret er ikke gyldigt – kontrollér cifrene");
    expect(fieldErrors(EnrolmentSchema.safeParse({ ...valid, ean: "" }).error!).ean).toMatch(/EAN-nummer \(13 cifre\)/);
  });

  it("requires CVR and billing address for private companies", () => {
    const noAddress = { billingStreet: "", billingPostalCode: "", billingCity: "" };
    const r = EnrolmentSchema.safeParse({ ...valid, ...noAddress, orgType: "PRIVATE", ean: "", organisationName: "Firma ApS" });
    const errors = fieldErrors(r.error!);
    expect(Object.keys(errors).sort()).toEqual(["billingCity", "billingPostalCode", "billingStreet", "cvr"]);
    const ok = EnrolmentSchema.safeParse({
      ...valid, orgType: "PRIVATE", ean: "", organisationName: "Firma ApS", cvr: "1015 0817",
      billingStreet: "Vej 1", billingPostalCode: "8000", billingCity: "Aarhus C",
    });
    expect(ok.success).toBe(true);
  });

  it("requires the invoice address of public bodies too, since their e-invoice carries it", () => {
    for (const body of [{ orgType: "MUNICIPALITY" }, { orgType: "OTHER_PUBLIC", organisationName: "Region Midtjylland" }]) {
      const errors = fieldErrors(EnrolmentSchema.safeParse({ ...valid, ...body, billingStreet: undefined, billingPostalCode: undefined, billingCity: undefined }).error!);
      expect(errors).toEqual({
        billingStreet: "Skriv fakturaadressen: vej og husnummer (eller postboks)",
        billingPostalCode: "Skriv et postnummer med 4 cifre",
        billingCity: "Skriv byen",
      });
      expect(fieldErrors(EnrolmentSchema.safeParse({ ...valid, ...body, billingPostalCode: "840" }).error!)).toEqual({ billingPostalCode: "Skriv et postnummer med 4 cifre" });
      expect(EnrolmentSchema.safeParse({ ...valid, ...body }).success).toBe(true);
    }
  });

  it("takes a company's optional e-mail for the invoice, checked like any e-mail; a public body's hidden one blocks nothing", () => {
    const company = { ...valid, orgType: "PRIVATE", ean: "", organisationName: "Firma ApS", cvr: "10150817" };
    expect(EnrolmentSchema.parse({ ...company, invoiceEmail: " Bogholderi@Firma.DK " }).invoiceEmail).toBe("bogholderi@firma.dk");
    expect(EnrolmentSchema.parse({ ...company, invoiceEmail: "  " }).invoiceEmail).toBe("");
    expect(fieldErrors(EnrolmentSchema.safeParse({ ...company, invoiceEmail: "bogholderi" }).error!)).toEqual({ invoiceEmail: "Skriv en gyldig e-mailadresse, fx bogholderi@firma.dk" });
    expect(fieldErrors(EnrolmentSchema.safeParse({ ...company, invoiceEmail: `${"x".repeat(250)}@firma.dk` }).error!)).toEqual({ invoiceEmail: "E-mailadressen er for lang" });
    // Typed while "privat" was chosen, then the applicant chose their municipality: the field is hidden.
    expect(EnrolmentSchema.safeParse({ ...valid, invoiceEmail: "ikke-en-mail" }).success).toBe(true);
  });

  it("refuses unknown municipalities, missing consent and overlong input", () => {
    const errors = fieldErrors(
      EnrolmentSchema.safeParse({ ...valid, municipalityCode: "999", acceptTerms: undefined, acceptPrivacy: "off", name: "x".repeat(201) }).error!,
    );
    expect(errors.municipalityCode).toBe("Vælg din kommune på listen");
    expect(errors.acceptTerms).toMatch(/bindende/);
    expect(errors.acceptPrivacy).toMatch(/behandler/);
    expect(errors.name).toBe("Navn må højst være 200 tegn");
  });

  it("rejects wrong types without throwing", () => {
    const r = EnrolmentSchema.safeParse({ ...valid, name: 42, email: ["a"], orgType: "ALIEN" });
    expect(r.success).toBe(false);
    expect(Object.keys(fieldErrors(r.error!))).toEqual(expect.arrayContaining(["name", "email", "orgType"]));
  });

  it("validates a colleague's details the same way", () => {
    expect(ColleagueSchema.safeParse({ name: "A", email: "nope", phone: "12", jobTitle: "" }).success).toBe(false);
  });
});
