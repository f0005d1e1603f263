import "server-only";
import { FormError } from "../errors";
import { audit } from "../audit";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ProgrammeContentSchema } from "./content";
import { kronerToOre } from "../money";
import { contentFromText, pctToBp, type ModuleInput, type ProgrammeInput } from "./schemas";

export { FormError as ProgrammeError };

function toData(input: ProgrammeInput) {
  const content = ProgrammeContentSchema.safeParse(contentFromText(input));
  if (!content.success) {
    const field = String(content.error.issues[0]?.path[0] ?? "lead");
    throw new FormError("Ret de markerede felter.", { [field]: "Teksten kunne ikke læses – tjek formatet (afsnit, ## overskrifter, “Titel: tekst”)" });
  }
  return {
    title: input.title,
    slug: input.slug,
    status: input.status,
    summary: input.summary,
    audience: input.audience,
    providerName: input.providerName,
    partnerName: input.partnerName || null,
    priceOre: kronerToOre(input.priceKr),
    vatRateBp: pctToBp(input.vatPct),
    priceIncludes: input.priceIncludes.split("\n").map((l) => l.trim()).filter(Boolean),
    bindingEnrolment: input.bindingEnrolment,
    substitutionAllowed: input.substitutionAllowed,
    invoiceGrouping: input.invoiceGrouping,
    autoInvoice: input.autoInvoice,
    termsText: input.termsText,
    termsVersion: input.termsVersion,
    completionMinAttendancePct: input.completionMinAttendancePct,
    reminderDaysBefore: input.reminderDaysBefore,
    workspaceMailDaysBefore: input.workspaceMailDaysBefore,
    contactName: input.contactName || null,
    contactTitle: input.contactTitle || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    content: content.data,
  };
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order, so compare this way. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : x && typeof x === "object" && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, val]) => [k, sort(val)]))
      : x;
  return JSON.stringify(sort(v));
}

function slugTaken(err: unknown): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    throw new FormError("Ret de markerede felter.", { slug: "En anden uddannelse har allerede denne adresse" });
  }
  throw err;
}

// The public page of a programme without modules would offer "0 moduler · 0 kursusdage".
const NEEDS_MODULES = new FormError("Ret de markerede felter.", {
  status: "En uddannelse kan først offentliggøres, når den har mindst ét modul. Gem den som kladde, og tilføj modulerne.",
});

export async function createProgramme(input: ProgrammeInput, actorUserId: string) {
  const data = toData(input);
  if (data.status === "PUBLISHED") throw NEEDS_MODULES;
  return db
    .$transaction(async (tx) => {
      const p = await tx.programme.create({ data });
      await audit(tx, { actorUserId, action: "programme.created", entityType: "Programme", entityId: p.id, after: { title: p.title, slug: p.slug, status: p.status } });
      return p;
    })
    .catch(slugTaken);
}

export async function updateProgramme(id: string, input: ProgrammeInput, actorUserId: string) {
  const data = toData(input);
  return db
    .$transaction(async (tx) => {
      const before = await tx.programme.findUnique({ where: { id } });
      if (!before) throw new FormError("Uddannelsen findes ikke.");
      if (data.status === "PUBLISHED" && (await tx.module.count({ where: { programmeId: id } })) === 0) throw NEEDS_MODULES;
      const p = await tx.programme.update({ where: { id }, data });
      const changed = (Object.keys(data) as Array<keyof typeof data>).filter((k) => canonical(before[k]) !== canonical(data[k]));
      await audit(tx, {
        actorUserId,
        action: "programme.updated",
        entityType: "Programme",
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])) as Prisma.InputJsonValue,
        after: Object.fromEntries(changed.map((k) => [k, data[k]])) as Prisma.InputJsonValue,
      });
      return p;
    })
    .catch(slugTaken);
}

export async function addModule(programmeId: string, input: ModuleInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId} FOR UPDATE`;
    const last = await tx.module.aggregate({ where: { programmeId }, _max: { position: true } });
    const m = await tx.module.create({ data: { programmeId, position: (last._max.position ?? 0) + 1, title: input.title, description: input.description || null, durationDays: input.durationDays } });
    await audit(tx, { actorUserId, action: "module.created", entityType: "Module", entityId: m.id, after: { programmeId, position: m.position, ...input } });
    return m;
  });
}

export async function updateModule(moduleId: string, input: ModuleInput, actorUserId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.module.findUnique({ where: { id: moduleId } });
    if (!before) throw new FormError("Modulet findes ikke.");
    await tx.module.update({ where: { id: moduleId }, data: { title: input.title, description: input.description || null, durationDays: input.durationDays, preparation: input.preparation || null } });
    await audit(tx, {
      actorUserId, action: "module.updated", entityType: "Module", entityId: moduleId,
      before: { title: before.title, description: before.description, durationDays: before.durationDays, preparation: before.preparation }, after: { ...input },
    });
  });
}

/** Swaps a module with its neighbour above or below (positions stay 1..n without gaps). */
export async function moveModule(moduleId: string, direction: "up" | "down", actorUserId: string) {
  return db.$transaction(async (tx) => {
    const m = await tx.module.findUnique({ where: { id: moduleId } });
    if (!m) throw new FormError("Modulet findes ikke.");
    await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${m.programmeId} FOR UPDATE`;
    const other = await tx.module.findFirst({
      where: { programmeId: m.programmeId, position: direction === "up" ? { lt: m.position } : { gt: m.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!other) return;
    const last = await tx.module.aggregate({ where: { programmeId: m.programmeId }, _max: { position: true } });
    // Through a free position, because (programmeId, position) is unique at every step.
    await tx.module.update({ where: { id: m.id }, data: { position: (last._max.position ?? 0) + 1 } });
    await tx.module.update({ where: { id: other.id }, data: { position: m.position } });
    await tx.module.update({ where: { id: m.id }, data: { position: other.position } });
    await audit(tx, { actorUserId, action: "module.moved", entityType: "Module", entityId: m.id, before: { position: m.position }, after: { position: other.position } });
  });
}
