import "server-only";
import { can } from "../auth/permissions";
import { ensurePermission, type StaffUser } from "../auth/session";
import { db } from "../db";
import { ProgrammeContentSchema } from "./content";

/** Every programme with its price and how many modules and cohorts it has, by title. */
export async function programmeList(user: StaffUser) {
  ensurePermission(user, "programme:read");
  const rows = await db.programme.findMany({
    select: { id: true, title: true, status: true, priceOre: true, currency: true, _count: { select: { modules: true, cohorts: true } } },
    orderBy: { title: "asc" },
  });
  return { rows, mayCreate: can(user.role, "programme:update") };
}

/**
 * One programme with its modules, for reading or (with programme:update) editing. `content` is the
 * stored page text, or the summary as its lead when the stored text no longer parses (`contentValid`
 * false). Null: no such programme.
 */
export async function programmeDetail(user: StaffUser, programmeId: string) {
  ensurePermission(user, "programme:read");
  const programme = await db.programme.findUnique({ where: { id: programmeId }, include: { modules: { orderBy: { position: "asc" } } } });
  if (!programme) return null;
  const content = ProgrammeContentSchema.safeParse(programme.content);
  return {
    programme,
    content: content.success ? content.data : { lead: [programme.summary], sections: [] },
    contentValid: content.success,
    mayUpdate: can(user.role, "programme:update"),
  };
}
