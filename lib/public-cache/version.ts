import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { publicContentState } from "./state";

/**
 * The version of what the public pages show: the sum and number of the counters that database
 * triggers bump on every change (migration public_content_version), and the next moment at which a
 * page changes by the clock alone (a cohort's enrolment opens or closes, a course day starts). When
 * that moment passes, the next poll names a later one, so the version moves with no write at all.
 */
export async function readContentVersion(prisma: Pick<PrismaClient, "$queryRaw">): Promise<string> {
  const [row] = await prisma.$queryRaw<Array<{ total: bigint | null; counters: bigint; next_moment: Date | null }>>`
    SELECT
      (SELECT sum("version") FROM "PublicContentVersion")::bigint AS total,
      (SELECT count(*) FROM "PublicContentVersion") AS counters,
      (SELECT min(t) FROM (
         SELECT c."enrolmentOpensAt" AS t FROM "Cohort" c WHERE c.status = 'PUBLISHED' AND c."enrolmentOpensAt" > now()
         UNION ALL
         SELECT c."enrolmentClosesAt" FROM "Cohort" c WHERE c.status = 'PUBLISHED' AND c."enrolmentClosesAt" > now()
         UNION ALL
         SELECT min(d."startsAt") FROM "SessionDay" d
           JOIN "Session" s ON s.id = d."sessionId"
           JOIN "Cohort" c ON c.id = s."cohortId"
          WHERE c.status = 'PUBLISHED' AND d."startsAt" > now()
       ) moments) AS next_moment`;
  return `${row?.total ?? 0}.${row?.counters ?? 0}.${row?.next_moment?.getTime() ?? "-"}`;
}

/**
 * Polls the version every `intervalMs` (1 s: a change made through another instance shows within
 * that plus one render) and on demand after a write through this instance. A failed poll keeps the
 * last known version, and pages keep being served from the cache until the database answers again.
 */
export function startPublicVersionPoller(prisma: Pick<PrismaClient, "$queryRaw">, intervalMs: number): () => void {
  const state = publicContentState();
  let running: Promise<void> | null = null;
  const poll = () => {
    running ??= readContentVersion(prisma)
      .then((v) => {
        state.version = v;
      })
      .catch((err: unknown) => console.error("[public-cache] version poll failed:", err instanceof Error ? err.message : err))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // A poll asked for after a write must start after the write committed: wait for one in flight, then ask again.
  state.refresh = async () => {
    if (running) await running;
    await poll();
  };
  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
