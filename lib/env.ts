import { z } from "zod";

// The environment, validated once. Every setting has a default that works on a developer's machine,
// so `.env.example` works as it is and the quick start needs no configuration.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** "production" marks a real deployment: the demo seed refuses to run there. */
  APP_ENV: z.enum(["development", "demo", "production", "test"]).default("development"),
  /** A PostgreSQL server. When unset, Stillads uses the embedded PGlite database in PGLITE_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional())
    .optional(),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  /** Public base URL, used in mails, canonical links and Open Graph tags. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@smtp.example.org:587. Unset: .eml files in MAIL_DIR. */
  SMTP_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^smtps?$/ }).optional())
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default("Stillads <tilmelding@stillads.invalid>"),
  MAIL_DIR: z.string().trim().min(1).default(".data/mail"),
  /** Rate limits: enrolment attempts per IP per 10 minutes and per e-mail per hour. */
  RATE_LIMIT_ENROL_PER_IP: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_ENROL_PER_EMAIL: z.coerce.number().int().positive().default(5),
  /**
   * Proxies in front of the app that append to X-Forwarded-For (a load balancer: 1). 0, the default:
   * no proxy, rate limits key on the connection's address and X-Forwarded-For is ignored. Otherwise
   * they key on the address the outermost proxy saw; what a client writes into the header is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Connections this instance keeps to a PostgreSQL server (the app's own pool), how long a request
   * waits for a free one, and how long a transaction may run. Waits are bounded on purpose: under a
   * burst an applicant gets "prøv igen om lidt" (HTTP 503) in seconds instead of a minute-long wait.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DATABASE_TX_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  /** Every statement of the app's pool: the longest wait for a row lock, and the longest run. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** Connections of the background jobs' own pool, so jobs never take the requests' last connections. */
  DATABASE_JOBS_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(2),
  /** Hours a waitlisted applicant has to accept an offered seat. */
  WAITLIST_OFFER_HOURS: z.coerce.number().int().positive().default(48),
  /**
   * The data controller the privacy notice names (GDPR art. 13) and its data protection officer. The
   * defaults are the demo programme's provider, KL; a deployment sets its own. The notice is rendered
   * at build time: rebuild after a change.
   */
  PRIVACY_CONTROLLER_NAME: z.string().trim().min(2).default("KL – Kommunernes Landsforening"),
  PRIVACY_CONTROLLER_ADDRESS: z.string().trim().min(5).default("Weidekampsgade 10, 2300 København S"),
  PRIVACY_CONTROLLER_CVR: z.string().trim().regex(/^\d{8}$/, "must be 8 digits").optional().or(z.literal("").transform(() => undefined)),
  PRIVACY_CONTROLLER_EMAIL: z.email().default("kl@kl.dk"),
  PRIVACY_CONTROLLER_PHONE: z.string().trim().min(8).default("33 70 33 70"),
  PRIVACY_DPO_EMAIL: z.email().default("dpo@kl.dk"),
  /** Where problems with the site's accessibility are reported (the accessibility statement). */
  ACCESSIBILITY_CONTACT_EMAIL: z.email().optional().or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof EnvSchema>;

function explain(issues: z.core.$ZodIssue[], source: NodeJS.ProcessEnv): string {
  return issues
    .map((i) => {
      const name = i.path.join(".");
      const value = source[name];
      // Never print a secret back; other values help to spot the typo.
      const shown = value === undefined ? "unset" : /SECRET|PASSWORD|_URL$/.test(name) ? "set" : JSON.stringify(value);
      return `${name} (${shown}): ${i.message}`;
    })
    .join("; ");
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${explain(parsed.error.issues, source)}`);
  return parsed.data;
}

/**
 * What a server needs beyond the settings every script reads: a session secret in production (every
 * instance the same; `npm start` makes one for local use). Checked when a server starts
 * (instrumentation.ts, scripts/start.ts), so a bad setting stops it with a message naming the
 * variable instead of letting it answer every request with a 500.
 */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const base = readEnv(source);
  const secret = source.NEXTAUTH_SECRET?.trim() ?? "";
  if (base.NODE_ENV === "production" && secret.length < 32) {
    const issue = { path: ["NEXTAUTH_SECRET"], message: "must be set to at least 32 characters in production, the same in every instance (e.g. openssl rand -base64 32)" };
    throw new Error(`Invalid environment: ${explain([issue as z.core.$ZodIssue], source)}`);
  }
  return base;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/**
 * Loads `.env` (then `.env.local`) into process.env for command-line scripts, as Next.js does for the
 * app; variables already set in the environment win.
 */
export function loadDotEnvFiles(cwd = process.cwd()): void {
  for (const name of [".env.local", ".env"]) {
    const file = `${cwd}/${name}`;
    try {
      process.loadEnvFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  cached = undefined;
}
