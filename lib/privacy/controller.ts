import { env, type Env } from "../env";

/** Who is responsible for the personal data (GDPR art. 13(1)(a) and (b)), from the configuration. */
export interface DataController {
  name: string;
  address: string;
  cvr?: string;
  email: string;
  phone: string;
  dpoEmail: string;
  /** Where to report an accessibility problem: its own address, or the controller's. */
  accessibilityEmail: string;
}

export function dataController(e: Env = env()): DataController {
  return {
    name: e.PRIVACY_CONTROLLER_NAME,
    address: e.PRIVACY_CONTROLLER_ADDRESS,
    cvr: e.PRIVACY_CONTROLLER_CVR,
    email: e.PRIVACY_CONTROLLER_EMAIL,
    phone: e.PRIVACY_CONTROLLER_PHONE,
    dpoEmail: e.PRIVACY_DPO_EMAIL,
    accessibilityEmail: e.ACCESSIBILITY_CONTACT_EMAIL ?? e.PRIVACY_CONTROLLER_EMAIL,
  };
}

/**
 * The accessibility statement's own facts, as the Danish statement template (was.digst.dk) asks for
 * them. Change them when the site is assessed again.
 */
export const ACCESSIBILITY_STATEMENT = {
  /** When the statement was prepared and last reviewed (ISO dates). */
  preparedOn: "2026-11-30",
  reviewedOn: "2026-11-30",
  standard: "WCAG 2.1 niveau AA",
  /** "Delvist overholder": the exceptions below are known. */
  status: "delvist",
  method: "selvevaluering: automatiske test med axe-core af alle offentlige sider og administrationens sider ved hver kodeændring, og gennemgang med tastatur og skærmlæser",
  exceptions: [
    "Administrationens login virker kun med JavaScript slået til. Tilmelding, håndtering af en tilmelding og evalueringer virker uden.",
  ],
} as const;
