// npm run admin:create -- --email a@b.dk --name "Navn" [--role ADMIN|COORDINATOR|TEACHER] [--password ...]
// Creates a staff user, or resets an existing one's password and role. Without --password it asks
// for one on the terminal (not echoed), or reads it from STILLADS_ADMIN_PASSWORD.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { accountFailureKey } from "../lib/auth/lockout";
import { hashPassword } from "../lib/auth/passwords";
import { openDb } from "../lib/db/client";
import { describeDbTarget, resolveDbTarget } from "../lib/db/target";
import { loadDotEnvFiles } from "../lib/env";

const Args = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("--email skal være en gyldig e-mailadresse")),
  name: z.string().trim().min(1, "--name mangler").max(200),
  role: z.enum(["ADMIN", "COORDINATOR", "TEACHER"]).default("ADMIN"),
  password: z.string().min(12, "Adgangskoden skal være mindst 12 tegn").max(1024),
});

async function askPassword(): Promise<string> {
  if (process.env.STILLADS_ADMIN_PASSWORD) return process.env.STILLADS_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Angiv --password eller STILLADS_ADMIN_PASSWORD, når der ikke er en terminal.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
  process.stdout.write("Adgangskode (mindst 12 tegn): ");
  out._writeToOutput = () => {}; // do not echo
  const pw = await rl.question("");
  rl.close();
  process.stdout.write("\n");
  return pw;
}

async function main() {
  loadDotEnvFiles();
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } } });
  const parsed = Args.safeParse({ ...values, password: values.password ?? (await askPassword()) });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const { email, name, role, password } = parsed.data;
  const target = resolveDbTarget();
  const db = openDb(target);
  try {
    const passwordHash = await hashPassword(password);
    // A reset ends the user's sessions signed in before it and lifts a lockout.
    await db.prisma.$transaction([
      db.prisma.user.upsert({
        where: { email },
        update: { name, role, passwordHash, disabledAt: null, sessionVersion: { increment: 1 } },
        create: { email, name, role, passwordHash },
      }),
      db.prisma.rateLimitBucket.deleteMany({ where: { key: accountFailureKey(email) } }),
    ]);
    console.log(`${role} ${email} er klar i ${describeDbTarget(target)}.`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
