import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { txOptions } from "../db/bounded";
import { env } from "../env";
import { FormError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { composeMail } from "../mail/compose";
import { enqueueMail } from "../mail/outbox";
import { hashToken, newToken } from "../tokens";
import { requireSeatHolder } from "./access";
import type { ActivitySchema, BehaviourSchema, EffectSchema, PreconditionSchema, Section, ShareSchema, WorkspaceBasicsSchema } from "./schemas";
import { EMPTY_STATE, toState } from "./state";
import type { z } from "zod";

// What a participant does with their workspaces. Every function takes the participant's token and
// checks it inside the transaction; the workspace row is locked, so two tabs saving at once queue up.
// Before any change after module 1 has ended, the snapshot is taken first (ensureSnapshot), so the
// snapshot is always the workspace as it stood when module 1 ended, however late it is first read.
// The audit log records who did what to which workspace, never the content (it is the participant's
// own personal data, and the log outlives an erasure).

export const MAX_WORKSPACES = 10;
export const MAX_ITEMS_PER_SECTION = 50;

/** When module 1's last day ends and module 2's first day starts, for the cohort (null when unplanned). */
export async function moduleTimes(tx: Tx, cohortId: string): Promise<{ module1EndsAt: Date | null; module2StartsAt: Date | null }> {
  const sessions = await tx.session.findMany({
    where: { cohortId },
    select: { module: { select: { position: true } }, days: { select: { startsAt: true, endsAt: true } } },
  });
  const days = (pos: number) => sessions.filter((s) => s.module.position === pos).flatMap((s) => s.days);
  const m1 = days(1);
  const m2 = days(2);
  return {
    module1EndsAt: m1.length ? new Date(Math.max(...m1.map((d) => d.endsAt.getTime()))) : null,
    module2StartsAt: m2.length ? new Date(Math.min(...m2.map((d) => d.startsAt.getTime()))) : null,
  };
}

/**
 * Takes the workspace's snapshot when module 1 has ended and none is taken yet. The caller holds the
 * workspace's row lock, or this is a read: then the conditional update makes a second taker a no-op.
 */
export async function ensureSnapshot(tx: Tx, workspaceId: string, module1EndsAt: Date | null, now: Date, empty = false): Promise<void> {
  if (!module1EndsAt || now < module1EndsAt) return;
  const ws = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, include: { items: true } });
  if (ws.snapshotAt) return;
  const state = empty ? EMPTY_STATE : toState(ws, ws.items);
  await tx.workspace.updateMany({
    where: { id: workspaceId, snapshotAt: null },
    data: { snapshot: state as unknown as Prisma.InputJsonValue, snapshotAt: module1EndsAt },
  });
}

/** The participant's workspace, locked for the change, with the snapshot taken first when it is due. */
async function lockWorkspace(tx: Tx, token: unknown, workspaceId: unknown, now: Date) {
  const e = await requireSeatHolder(tx, token);
  if (typeof workspaceId !== "string") throw new FormError("Implementeringsstilladset findes ikke.");
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId} AND "enrolmentId" = ${e.id} FOR UPDATE`;
  if (!locked.length) throw new FormError("Implementeringsstilladset findes ikke, eller det er ikke dit.");
  const { module1EndsAt } = await moduleTimes(tx, e.cohortId);
  await ensureSnapshot(tx, workspaceId, module1EndsAt, now);
  return { enrolment: e, actorLabel: `participant:${e.id}` };
}

function run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, txOptions());
}

export async function createWorkspace(token: unknown, input: { title: string }, now = new Date()): Promise<string> {
  return run(async (tx) => {
    const e = await requireSeatHolder(tx, token);
    // Serialises two creations by the same participant, so the limit holds.
    await tx.$queryRaw`SELECT "id" FROM "Enrolment" WHERE "id" = ${e.id} FOR UPDATE`;
    if ((await tx.workspace.count({ where: { enrolmentId: e.id } })) >= MAX_WORKSPACES) {
      throw new FormError(`Du kan have højst ${MAX_WORKSPACES} implementeringsstilladser.`);
    }
    const ws = await tx.workspace.create({ data: { enrolmentId: e.id, title: input.title } });
    // Started after module 1: it did not exist then, so all of it counts as new in module 2.
    const { module1EndsAt } = await moduleTimes(tx, e.cohortId);
    await ensureSnapshot(tx, ws.id, module1EndsAt, now, true);
    await audit(tx, { actorLabel: `participant:${e.id}`, action: "workspace.created", entityType: "Workspace", entityId: ws.id });
    return ws.id;
  });
}

export async function updateBasics(token: unknown, workspaceId: unknown, input: z.infer<typeof WorkspaceBasicsSchema>, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    await tx.workspace.update({ where: { id: workspaceId as string }, data: input });
    await audit(tx, { actorLabel, action: "workspace.updated", entityType: "Workspace", entityId: workspaceId as string });
  });
}

export async function deleteWorkspace(token: unknown, workspaceId: unknown, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    await tx.workspace.delete({ where: { id: workspaceId as string } });
    await audit(tx, { actorLabel, action: "workspace.deleted", entityType: "Workspace", entityId: workspaceId as string });
  });
}

type ItemData =
  | { section: "BEHAVIOUR"; data: z.infer<typeof BehaviourSchema> }
  | { section: "PRECONDITION"; data: z.infer<typeof PreconditionSchema> }
  | { section: "ACTIVITY"; data: z.infer<typeof ActivitySchema> }
  | { section: "EFFECT"; data: z.infer<typeof EffectSchema> };

const day = (v: string) => new Date(`${v}T00:00:00Z`);

/** The columns an item of the section has; the other sections' columns are left empty. */
function columns(input: ItemData) {
  switch (input.section) {
    case "BEHAVIOUR":
      return { text: input.data.text, who: input.data.who, startsOn: day(input.data.startsOn), evidence: input.data.evidence };
    case "PRECONDITION":
      return { text: input.data.text, kind: input.data.kind, status: input.data.status };
    case "ACTIVITY":
      return { text: input.data.text, ownerName: input.data.ownerName, ownerRole: input.data.ownerRole, dueOn: day(input.data.dueOn) };
    case "EFFECT":
      return { text: input.data.text, measure: input.data.measure, followUpOn: day(input.data.followUpOn), result: input.data.result || null };
  }
}

export async function addItem(token: unknown, workspaceId: unknown, input: ItemData, now = new Date()): Promise<string> {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const wsId = workspaceId as string;
    const count = await tx.workspaceItem.count({ where: { workspaceId: wsId, section: input.section } });
    if (count >= MAX_ITEMS_PER_SECTION) throw new FormError(`Der kan højst være ${MAX_ITEMS_PER_SECTION} punkter i et afsnit.`);
    const last = await tx.workspaceItem.findFirst({ where: { workspaceId: wsId, section: input.section }, orderBy: { position: "desc" }, select: { position: true } });
    const item = await tx.workspaceItem.create({ data: { workspaceId: wsId, section: input.section, position: (last?.position ?? 0) + 1, ...columns(input) } });
    await audit(tx, { actorLabel, action: "workspace.item_added", entityType: "Workspace", entityId: wsId, after: { section: input.section, itemId: item.id } });
    await tx.workspace.update({ where: { id: wsId }, data: { updatedAt: now } });
    return item.id;
  });
}

async function itemOf(tx: Tx, workspaceId: string, itemId: unknown, section?: Section) {
  const item = typeof itemId === "string" ? await tx.workspaceItem.findFirst({ where: { id: itemId, workspaceId, ...(section ? { section } : {}) } }) : null;
  if (!item) throw new FormError("Punktet findes ikke længere. Genindlæs siden.");
  return item;
}

export async function updateItem(token: unknown, workspaceId: unknown, itemId: unknown, input: ItemData, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const item = await itemOf(tx, workspaceId as string, itemId, input.section);
    await tx.workspaceItem.update({ where: { id: item.id }, data: columns(input) });
    await audit(tx, { actorLabel, action: "workspace.item_updated", entityType: "Workspace", entityId: workspaceId as string, after: { section: input.section, itemId: item.id } });
  });
}

export async function removeItem(token: unknown, workspaceId: unknown, itemId: unknown, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const item = await itemOf(tx, workspaceId as string, itemId);
    await tx.workspaceItem.delete({ where: { id: item.id } });
    await audit(tx, { actorLabel, action: "workspace.item_removed", entityType: "Workspace", entityId: workspaceId as string, before: { section: item.section, itemId: item.id } });
  });
}

/** Swaps the item with its neighbour above or below in the section; at either end nothing moves. */
export async function moveItem(token: unknown, workspaceId: unknown, itemId: unknown, direction: "up" | "down", now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const item = await itemOf(tx, workspaceId as string, itemId);
    const other = await tx.workspaceItem.findFirst({
      where: { workspaceId: item.workspaceId, section: item.section, position: direction === "up" ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!other) return;
    // The unique (workspace, section, position) is checked row by row: park one item on a free
    // negative place first. The workspace lock keeps anyone else from seeing it there.
    await tx.workspaceItem.update({ where: { id: item.id }, data: { position: -1 } });
    await tx.workspaceItem.update({ where: { id: other.id }, data: { position: item.position } });
    await tx.workspaceItem.update({ where: { id: item.id }, data: { position: other.position } });
    await audit(tx, { actorLabel, action: "workspace.item_moved", entityType: "Workspace", entityId: item.workspaceId, after: { section: item.section, itemId: item.id, direction } });
  });
}

/** The participant lets the cohort's teachers read this workspace, or stops letting them. */
export async function setTeacherShare(token: unknown, workspaceId: unknown, share: boolean, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    await tx.workspace.update({ where: { id: workspaceId as string }, data: { sharedWithTeachersAt: share ? now : null } });
    await audit(tx, { actorLabel, action: share ? "workspace.shared_with_teachers" : "workspace.unshared_with_teachers", entityType: "Workspace", entityId: workspaceId as string });
  });
}

export function sharedUrl(token: string): string {
  return new URL(`/stillads/delt/${token}`, env().APP_URL).toString();
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * A read-only link for a named colleague, mailed to them (never shown: only its hash is kept). Only
 * colleagues with an address in the participant's own mail domain, i.e. from their organisation.
 */
export async function shareWithColleague(token: unknown, workspaceId: unknown, input: z.infer<typeof ShareSchema>, now = new Date()) {
  return run(async (tx) => {
    const { enrolment, actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const person = await tx.person.findUniqueOrThrow({ where: { id: enrolment.personId } });
    if (domainOf(input.colleagueEmail) !== domainOf(person.email)) {
      throw new FormError("Ret de markerede felter.", {
        colleagueEmail: `Du kan kun dele med kolleger fra din egen organisation: en adresse, der ender på @${domainOf(person.email)}.`,
      });
    }
    if (input.colleagueEmail === person.email) throw new FormError("Ret de markerede felter.", { colleagueEmail: "Skriv din kollegas adresse, ikke din egen." });
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId as string }, include: { enrolment: { include: { cohort: { include: { programme: true } } } } } });
    const linkToken = newToken();
    const share = await tx.workspaceShare.create({
      data: { workspaceId: ws.id, colleagueName: input.colleagueName, colleagueEmail: input.colleagueEmail, tokenHash: hashToken(linkToken) },
    });
    await audit(tx, { actorLabel, action: "workspace.shared", entityType: "Workspace", entityId: ws.id, after: { shareId: share.id } });
    const programme = ws.enrolment.cohort.programme;
    await enqueueMail(tx, {
      dedupeKey: `workspace-share:${share.id}`,
      to: input.colleagueEmail,
      fromName: programme.providerName,
      ...composeMail(`${person.name} deler sit implementeringsstillads med dig`, [
        { p: `Kære ${input.colleagueName}` },
        {
          lead: `${person.name} deltager i ${programme.title} og vil gerne vise dig sit implementeringsstillads for "${ws.title}". Du kan læse det, men ikke ændre det:`,
          link: sharedUrl(linkToken),
          label: "Se implementeringsstilladset",
        },
        { p: `Linket er personligt. ${person.name} kan til enhver tid lukke det igen.` },
        { p: `Venlig hilsen\n${programme.providerName}` },
      ]),
    });
    return share.id;
  });
}

export async function revokeShare(token: unknown, workspaceId: unknown, shareId: unknown, now = new Date()) {
  return run(async (tx) => {
    const { actorLabel } = await lockWorkspace(tx, token, workspaceId, now);
    const share = typeof shareId === "string" ? await tx.workspaceShare.findFirst({ where: { id: shareId, workspaceId: workspaceId as string } }) : null;
    if (!share) throw new FormError("Delingen findes ikke.");
    if (share.revokedAt) return;
    await tx.workspaceShare.update({ where: { id: share.id }, data: { revokedAt: now } });
    await audit(tx, { actorLabel, action: "workspace.share_revoked", entityType: "Workspace", entityId: share.workspaceId, after: { shareId: share.id } });
  });
}
