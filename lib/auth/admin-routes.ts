import type { Permission } from "./permissions";

/**
 * Every page of the admin area and the permission it needs. Pages read their permission from here,
 * and the authorization matrix tests check that every page file on disk is listed and behaves so.
 */
export const ADMIN_PAGES = {
  "/admin": "dashboard:read",
  "/admin/hold": "cohort:read",
  "/admin/hold/ny": "cohort:update",
  "/admin/hold/[id]": "enrolment:read",
  "/admin/hold/[id]/fremmoede": "attendance:read",
  "/admin/hold/[id]/evalueringer": "evaluation:read",
  "/admin/hold/[id]/besked": "cohort:update",
  "/admin/hold/[id]/besked/[messageId]": "cohort:update",
  "/admin/hold/[id]/stillads": "cohort:read",
  "/admin/evalueringer/[id]": "evaluation:read",
  "/admin/evalueringer/[id]/resultater": "evaluation:read",
  "/admin/uddannelser/[id]/evalueringer": "evaluation:read",
  "/admin/tilmeldinger/[id]": "enrolment:read",
  "/admin/logbog": "audit:read",
  "/admin/brugere": "user:manage",
  "/admin/brugere/[id]": "user:manage",
  "/admin/uddannelser": "programme:read",
  "/admin/uddannelser/ny": "programme:update",
  "/admin/uddannelser/[id]": "programme:read",
  "/admin/steder": "venue:update",
  "/admin/steder/[id]": "venue:update",
  "/admin/personer": "person:manage",
  "/admin/hold/[id]/fakturering": "invoice:read",
  "/admin/fakturering": "invoice:configure",
} as const satisfies Record<string, Permission>;

export type AdminPage = keyof typeof ADMIN_PAGES;
