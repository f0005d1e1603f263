// Roles and what they may do. Pure data, shared by the server checks and the tests.
export const PERMISSIONS = [
  "dashboard:read",
  "programme:read",
  "programme:update",
  "venue:update",
  "cohort:read",
  "cohort:update",
  "enrolment:read",
  "enrolment:update",
  "export:read",
  // Invoicing details: EAN, CVR, reference, billing address, prices (teachers do not see them).
  "invoice:read",
  // Issue invoices and credit notes, mark them paid, download their PDF/XML (see README, Fakturering).
  "invoice:issue",
  // Edit the seller's own invoicing details (CVR, GLN, bank account, number prefixes).
  "invoice:configure",
  "attendance:read",
  "attendance:update",
  "evaluation:read",
  "evaluation:update",
  "audit:read",
  "user:manage",
  // Find, export and erase a participant's personal data (GDPR access and erasure).
  "person:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Role = "ADMIN" | "COORDINATOR" | "TEACHER";

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  // Everything, including users and people's personal data.
  ADMIN: new Set(PERMISSIONS),
  // Runs cohorts: sessions, enrolments, attendance, evaluations; reads programmes and the audit log.
  COORDINATOR: new Set<Permission>([
    "dashboard:read", "programme:read", "cohort:read", "cohort:update", "enrolment:read", "enrolment:update", "export:read",
    "invoice:read", "attendance:read", "attendance:update", "evaluation:read", "evaluation:update", "audit:read",
    // Coordinators run the cohort from enrolment to invoice: they issue its invoices (README, Fakturering).
    "invoice:issue",
  ]),
  // Reads the lists and attendance of the cohorts they teach.
  TEACHER: new Set<Permission>(["dashboard:read", "cohort:read", "enrolment:read", "attendance:read"]),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Administrator", COORDINATOR: "Koordinator", TEACHER: "Underviser" };
