import "server-only";
import { db, type Tx } from "../db";
import { txOptions } from "../db/bounded";
import { hashToken, isTokenShaped } from "../tokens";
import { seatHolderByToken } from "./access";
import { SECTIONS, type Section } from "./schemas";
import { ensureSnapshot, moduleTimes } from "./service";
import { diffStates, sectionCounts, toState, type ItemState, type WorkspaceDiff, type WorkspaceState } from "./state";

// What the workspace pages show, each one named question answered with exactly that shape. Reads by a
// participant's link take the snapshot when module 1 has ended (service.ts explains why lazily).

async function owner(tx: Tx, enrolmentId: string) {
  return tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    select: { person: { select: { name: true } }, cohort: { select: { name: true, programme: { select: { title: true, providerName: true } } } } },
  });
}

/** The participant's workspaces, or null when the link does not belong to a seat holder. */
export async function workspaceList(token: string) {
  return db.$transaction(async (tx) => {
    const e = await seatHolderByToken(tx, token);
    if (!e) return null;
    const rows = await tx.workspace.findMany({ where: { enrolmentId: e.id }, orderBy: { createdAt: "asc" }, include: { items: { select: { section: true } } } });
    const times = await moduleTimes(tx, e.cohortId);
    return {
      ...(await owner(tx, e.id)),
      ...times,
      workspaces: rows.map((w) => ({ id: w.id, title: w.title, updatedAt: w.updatedAt, counts: sectionCounts(w.items) })),
    };
  }, txOptions());
}

export type WorkspaceView = {
  id: string;
  title: string;
  solution: string;
  gain: string;
  sharedWithTeachers: boolean;
  sections: Record<Section, ItemState[]>;
  snapshot: WorkspaceState | null;
  snapshotAt: Date | null;
  diff: WorkspaceDiff | null;
};

function bySection(state: WorkspaceState): Record<Section, ItemState[]> {
  return Object.fromEntries(SECTIONS.map((s) => [s, state.items.filter((i) => i.section === s)])) as Record<Section, ItemState[]>;
}

async function loadView(tx: Tx, workspaceId: string): Promise<WorkspaceView> {
  const ws = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, include: { items: true } });
  const state = toState(ws, ws.items);
  const snapshot = ws.snapshot ? (ws.snapshot as unknown as WorkspaceState) : null;
  return {
    id: ws.id,
    title: ws.title,
    solution: ws.solution,
    gain: ws.gain,
    sharedWithTeachers: !!ws.sharedWithTeachersAt,
    sections: bySection(state),
    snapshot,
    snapshotAt: ws.snapshotAt,
    diff: snapshot ? diffStates(snapshot, state) : null,
  };
}

/** One of the participant's workspaces with its snapshot, what changed since, and its colleague links. */
export async function workspaceView(token: string, workspaceId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const e = await seatHolderByToken(tx, token);
    if (!e) return null;
    const ws = await tx.workspace.findFirst({ where: { id: workspaceId, enrolmentId: e.id }, select: { id: true } });
    if (!ws) return null;
    const times = await moduleTimes(tx, e.cohortId);
    await ensureSnapshot(tx, ws.id, times.module1EndsAt, now);
    const shares = await tx.workspaceShare.findMany({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" } });
    return {
      ...(await loadView(tx, ws.id)),
      ...(await owner(tx, e.id)),
      ...times,
      shares: shares.map((s) => ({ id: s.id, colleagueName: s.colleagueName, colleagueEmail: s.colleagueEmail, createdAt: s.createdAt, revokedAt: s.revokedAt })),
    };
  }, txOptions());
}

/** A workspace as a colleague's read-only link shows it; null for an unknown or revoked link. */
export async function sharedWorkspace(token: string) {
  if (!isTokenShaped(token)) return null;
  return db.$transaction(async (tx) => {
    const share = await tx.workspaceShare.findUnique({ where: { tokenHash: hashToken(token) }, include: { workspace: { select: { enrolmentId: true } } } });
    if (!share || share.revokedAt) return null;
    const e = await tx.enrolment.findUniqueOrThrow({ where: { id: share.workspace.enrolmentId }, select: { status: true } });
    if (e.status !== "CONFIRMED" && e.status !== "COMPLETED") return null;
    return { ...(await loadView(tx, share.workspaceId)), ...(await owner(tx, share.workspace.enrolmentId)) };
  }, txOptions());
}

/**
 * What the cohort's teachers (and other staff) may see: per section, how many participants have
 * written anything and how many entries in all; and the workspaces of those who chose to share them
 * with the teachers. Nothing of anyone else's content. The caller checks the permission and the scope.
 */
export async function cohortWorkspaceOverview(tx: Tx | typeof db, cohortId: string) {
  const rows = await tx.workspace.findMany({
    where: { enrolment: { cohortId, status: { in: ["CONFIRMED", "COMPLETED"] } } },
    select: { id: true, enrolmentId: true, sharedWithTeachersAt: true, items: { select: { section: true } } },
  });
  const seatHolders = await tx.enrolment.count({ where: { cohortId, status: { in: ["CONFIRMED", "COMPLETED"] } } });
  const sections = Object.fromEntries(
    SECTIONS.map((s) => {
      const withAny = new Set(rows.filter((w) => w.items.some((i) => i.section === s)).map((w) => w.enrolmentId));
      return [s, { participants: withAny.size, entries: rows.reduce((n, w) => n + w.items.filter((i) => i.section === s).length, 0) }];
    }),
  ) as Record<Section, { participants: number; entries: number }>;
  const shared = [];
  for (const w of rows.filter((r) => r.sharedWithTeachersAt)) {
    shared.push({ ...(await loadView(tx as Tx, w.id)), ...(await owner(tx as Tx, w.enrolmentId)) });
  }
  return { seatHolders, participantsWithWorkspace: new Set(rows.map((r) => r.enrolmentId)).size, workspaces: rows.length, sections, shared };
}
